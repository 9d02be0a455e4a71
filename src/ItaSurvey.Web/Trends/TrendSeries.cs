using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Web.Trends;

/// <summary>
/// One score over the years, ready for a table or a chart: the points (year in the Buddhist Era,
/// score, where it came from), the least-squares line and its next-year projection.
/// </summary>
/// <param name="Key">"total", an instrument code ("IIT") or "indicator:&lt;code&gt;".</param>
/// <param name="Label">What the series is, in Thai.</param>
/// <param name="Points">One point per fiscal year with a score, oldest first.</param>
/// <param name="Trend">The fitted line; null with fewer than two years.</param>
public sealed record TrendSeries(string Key, string Label, IReadOnlyList<TrendPoint> Points, ScoreTrend? Trend)
{
    /// <summary>The label every projection carries: it is an estimate, never a result.</summary>
    public const string ProjectionLabel = "ประมาณการ";

    /// <summary>The label in English.</summary>
    public const string ProjectionLabelEn = "projection";

    /// <summary>The line carried one year past the last point (labelled <see cref="ProjectionLabel"/>); null with fewer than two years.</summary>
    public TrendProjection? Projection => Trend?.Projection;

    /// <summary>The point of a fiscal year, or null.</summary>
    public TrendPoint? At(int fiscalYear) => Points.FirstOrDefault(p => p.FiscalYear == fiscalYear);

    /// <summary>Builds a series from yearly scores (years without a score are left out) and fits its trend.</summary>
    public static TrendSeries Of(string key, string label, IEnumerable<(int FiscalYear, double? Score, ResultSource Source)> years)
    {
        var points = new List<TrendPoint>();
        foreach (var (year, score, source) in years.Where(y => y.Score is not null).OrderBy(y => y.FiscalYear))
        {
            var previous = points.Count > 0 ? points[^1] : null;
            points.Add(new TrendPoint(year, score!.Value, source, ScoreRounding.Change(score, previous?.Score), previous?.FiscalYear));
        }
        return new TrendSeries(key, label, points, ScoreTrend.Fit(points.Select(p => new YearScore(p.FiscalYear, p.Score))));
    }
}

/// <summary>A score in a fiscal year and its change from the previous year with a score.</summary>
/// <param name="FiscalYear">Buddhist Era.</param>
/// <param name="Score">Full precision.</param>
/// <param name="Source">Official (imported) or collected (scored in the app).</param>
/// <param name="Change">Score − the previous point's score (a difference only, no test); null for the first point.</param>
/// <param name="ComparedWith">The fiscal year of that previous point, which is not always the year before.</param>
public sealed record TrendPoint(int FiscalYear, double Score, ResultSource Source, double? Change, int? ComparedWith);
