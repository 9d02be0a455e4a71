namespace ItaSurvey.Core.Statistics;

/// <summary>A score in a fiscal year (Buddhist Era), as shown on a trend chart.</summary>
public sealed record YearScore(int FiscalYear, double Score);

/// <summary>
/// A projected score — not a result — for a fiscal year, clipped to [0, 100] for display.
/// </summary>
/// <param name="FiscalYear">The year projected (the last year with data + 1).</param>
/// <param name="Value">The line's value that year, clipped to [0, 100].</param>
/// <param name="Lower">The 95 % prediction interval's lower end, clipped; null with fewer than 3 years.</param>
/// <param name="Upper">The 95 % prediction interval's upper end, clipped; null with fewer than 3 years.</param>
/// <param name="IsProjection">Always true: charts draw it dashed and label it ประมาณการ (projection).</param>
public sealed record TrendProjection(int FiscalYear, double Value, double? Lower, double? Upper, bool IsProjection = true);
