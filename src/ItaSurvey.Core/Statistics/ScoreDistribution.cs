using MathNet.Numerics.Statistics;

namespace ItaSurvey.Core.Statistics;

/// <summary>
/// How a set of scores (0–100) is spread: count, mean, median and quartiles, and a histogram of
/// fixed-width bins. Quartiles follow the common spreadsheet definition (R-7, Excel's
/// QUARTILE.INC): linear interpolation between the closest ranks.
/// </summary>
/// <param name="N">How many scores.</param>
/// <param name="Mean">The arithmetic mean; null when there are no scores.</param>
/// <param name="Median">The median; null when there are no scores.</param>
/// <param name="LowerQuartile">The first quartile; null when there are no scores.</param>
/// <param name="UpperQuartile">The third quartile; null when there are no scores.</param>
/// <param name="Min">The lowest score; null when there are no scores.</param>
/// <param name="Max">The highest score; null when there are no scores.</param>
/// <param name="Bins">The histogram, lowest bin first, covering 0–100 without gaps.</param>
public sealed record ScoreDistribution(
    int N,
    double? Mean,
    double? Median,
    double? LowerQuartile,
    double? UpperQuartile,
    double? Min,
    double? Max,
    IReadOnlyList<ScoreBin> Bins)
{
    /// <summary>
    /// Summarises scores. Bins are [0, w), [w, 2w), … and the last one also holds 100, so a
    /// score of 100 counts in 95–100 with the default width of 5.
    /// </summary>
    /// <param name="scores">Scores between 0 and 100.</param>
    /// <param name="binWidth">The width of each histogram bin; it must divide 100 (5 by default).</param>
    /// <exception cref="ArgumentException">A score is not finite or lies outside 0–100, or the width does not divide 100.</exception>
    public static ScoreDistribution Of(IEnumerable<double> scores, int binWidth = 5)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (binWidth is < 1 or > 100 || 100 % binWidth != 0)
        {
            throw new ArgumentException($"The bin width {binWidth} must divide 100.", nameof(binWidth));
        }
        var sorted = scores.ToArray();
        if (sorted.Any(s => !double.IsFinite(s) || s is < ScoreEstimate.MinScore or > ScoreEstimate.MaxScore))
        {
            throw new ArgumentException("Every score must be a number between 0 and 100.", nameof(scores));
        }
        Array.Sort(sorted);
        var counts = new int[100 / binWidth];
        foreach (var score in sorted)
        {
            counts[Math.Min((int)(score / binWidth), counts.Length - 1)]++;
        }
        var bins = counts.Select((count, i) => new ScoreBin(i * binWidth, (i + 1) * binWidth, count)).ToList();
        if (sorted.Length == 0)
        {
            return new ScoreDistribution(0, null, null, null, null, null, null, bins);
        }
        double Quantile(double tau) => SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);
        return new ScoreDistribution(sorted.Length, sorted.Average(), Quantile(0.5), Quantile(0.25), Quantile(0.75), sorted[0], sorted[^1], bins);
    }
}

/// <summary>One histogram bin: scores from <paramref name="From"/> up to, not including, <paramref name="To"/> (the last bin includes 100).</summary>
/// <param name="From">The bin's lower edge, included.</param>
/// <param name="To">The bin's upper edge, excluded except for the last bin.</param>
/// <param name="Count">How many scores fall in it.</param>
public sealed record ScoreBin(int From, int To, int Count);
