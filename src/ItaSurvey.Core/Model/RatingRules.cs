using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Model;

/// <summary>
/// A year's rating rules: levels from highest to lowest, the first that fits wins.
/// Up to 2565 these are AA–F; from 2566 ผ่าน/ไม่ผ่าน with higher levels that also need
/// every instrument at a floor.
/// </summary>
public sealed record RatingRules(int Decimals, IReadOnlyList<RatingLevel> Levels, string? Source = null, string? Note = null)
{
    /// <summary>
    /// The rating of a total. Totals and instrument scores are compared at <see cref="Decimals"/>
    /// places, as they are published.
    /// </summary>
    /// <param name="total">The total at full precision.</param>
    /// <param name="instrumentScores">Every instrument's score at full precision.</param>
    public RatingLevel Rate(double total, IEnumerable<double> instrumentScores)
    {
        var shownTotal = ScoreRounding.Round(total, Decimals);
        var lowestInstrument = instrumentScores.Select(s => ScoreRounding.Round(s, Decimals)).DefaultIfEmpty(shownTotal).Min();
        foreach (var level in Levels)
        {
            if (shownTotal >= (decimal)level.MinTotal
                && (level.MinEachInstrument is not { } floor || lowestInstrument >= (decimal)floor))
            {
                return level;
            }
        }
        return Levels[^1];
    }
}

/// <summary>One rating level.</summary>
/// <param name="Code">A stable code such as "AA" or "passed-good".</param>
/// <param name="Name">What is shown, e.g. ผ่านดี.</param>
/// <param name="MinTotal">The lowest total that reaches the level.</param>
/// <param name="MinEachInstrument">Where set, every instrument must also reach this score.</param>
/// <param name="Passed">Whether the level counts as passing.</param>
/// <param name="Note">What is unconfirmed about the level.</param>
public sealed record RatingLevel(
    string Code,
    LocalizedText Name,
    double MinTotal,
    bool Passed,
    double? MinEachInstrument = null,
    string? Note = null);
