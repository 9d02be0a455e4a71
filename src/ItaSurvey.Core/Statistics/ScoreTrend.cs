using MathNet.Numerics;
using LineFit = MathNet.Numerics.Fit;

namespace ItaSurvey.Core.Statistics;

/// <summary>
/// The least-squares line through a score's yearly values, x = fiscal year (Buddhist Era):
/// score ≈ <see cref="Intercept"/> + <see cref="Slope"/> · year.
/// </summary>
/// <param name="Points">How many fiscal years the line is fitted to.</param>
/// <param name="Slope">Points gained (or lost, when negative) per fiscal year.</param>
/// <param name="Intercept">The line's value at year 0 BE: a fitting constant, not a score.</param>
/// <param name="RSquared">The share of the yearly variation the line explains; null when the score never changed.</param>
/// <param name="Projection">The line carried one year past the last, labelled as a projection.</param>
public sealed record ScoreTrend(int Points, double Slope, double Intercept, double? RSquared, TrendProjection Projection)
{
    /// <summary>The line's value in a fiscal year, unclipped.</summary>
    public double ValueAt(int fiscalYear) => Intercept + (Slope * fiscalYear);

    /// <summary>
    /// Fits the least-squares line to yearly scores (MathNet's <c>Fit.Line</c>) and projects the next
    /// fiscal year. With n ≥ 3 years the projection carries the prediction interval
    /// ŷ ± t(1 − α/2, n − 2) · s · √(1 + 1/n + (x₀ − x̄)² / Σ(x − x̄)²), where s² = Σ residual² / (n − 2).
    /// </summary>
    /// <param name="scores">One score per fiscal year, in any order; years must differ.</param>
    /// <param name="confidence">The prediction interval's level (0.95).</param>
    /// <returns>The trend, or null with fewer than two years.</returns>
    public static ScoreTrend? Fit(IEnumerable<YearScore> scores, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(scores);
        StudentTQuantile.CheckProbability(confidence, nameof(confidence));
        var points = scores.OrderBy(s => s.FiscalYear).ToArray();
        for (var i = 1; i < points.Length; i++)
        {
            if (points[i].FiscalYear == points[i - 1].FiscalYear)
            {
                throw new ArgumentException($"Fiscal year {points[i].FiscalYear} has more than one score.", nameof(scores));
            }
        }
        if (points.Any(p => !double.IsFinite(p.Score)))
        {
            throw new ArgumentException("Every score must be a finite number.", nameof(scores));
        }
        if (points.Length < 2)
        {
            return null;
        }
        var n = points.Length;
        var x = points.Select(p => (double)p.FiscalYear).ToArray();
        var y = points.Select(p => p.Score).ToArray();
        var (intercept, slope) = LineFit.Line(x, y);
        double LineAt(double year) => intercept + (slope * year);

        var nextYear = points[^1].FiscalYear + 1;
        var projected = LineAt(nextYear);
        double? lower = null, upper = null;
        if (n >= 3)
        {
            var meanX = x.Average();
            var sxx = x.Sum(v => (v - meanX) * (v - meanX));
            var residuals = x.Select((v, i) => y[i] - LineAt(v)).Sum(r => r * r);
            var s = Math.Sqrt(residuals / (n - 2));
            var margin = StudentTQuantile.TwoSided(confidence, n - 2) * s
                * Math.Sqrt(1 + (1.0 / n) + ((nextYear - meanX) * (nextYear - meanX) / sxx));
            (lower, upper) = (Clip(projected - margin), Clip(projected + margin));
        }
        var projection = new TrendProjection(nextYear, Clip(projected), lower, upper);
        return new ScoreTrend(n, slope, intercept, RSquaredOf(y, x.Select(LineAt)), projection);
    }

    // A score that never changed leaves nothing to explain: R² would be 0/0.
    private static double? RSquaredOf(double[] observed, IEnumerable<double> fitted) =>
        observed.All(v => v == observed[0]) ? null : GoodnessOfFit.CoefficientOfDetermination(fitted, observed);

    private static double Clip(double score) => Math.Clamp(score, ScoreEstimate.MinScore, ScoreEstimate.MaxScore);
}
