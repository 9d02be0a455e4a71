using System.Security.Claims;
using ItaSurvey.Web.Charts;
using ChartSeries = ItaSurvey.Web.Charts.TrendSeries;

namespace ItaSurvey.Web.Trends;

/// <summary>An agency's trend charts: the total with the three instruments, and one indicator at a time.</summary>
public static class TrendCharts
{
    /// <summary>The chart of the total and the instruments ("overall"), or of one indicator ("indicator:3").</summary>
    public const string Overall = "overall";

    /// <summary>The chart's data; null for a key the agency's trend does not have.</summary>
    public static TrendChartData? For(AgencyTrend trend, string key)
    {
        if (key == Overall)
        {
            string[] keys = ["total", .. AgencyTrends.InstrumentCodes];
            return new TrendChartData($"แนวโน้มคะแนนรวมและรายเครื่องมือ · {trend.AgencyName}",
                [.. keys.Select(k => trend.SeriesOf(k)).Where(s => s.Points.Count > 0).Select(s => ToChart(s, projected: s.Key == "total"))]);
        }
        var series = trend.Series.FirstOrDefault(s => s.Key == key && s.Key.StartsWith("indicator:", StringComparison.Ordinal));
        return series is null
            ? null
            : new TrendChartData($"แนวโน้มตัวชี้วัด {series.Label} · {trend.AgencyName}", series.Points.Count > 0 ? [ToChart(series, projected: true)] : []);
    }

    /// <summary>Where a trend chart's PNG is downloaded.</summary>
    public static string Png(int agencyId, string key) => $"/admin/agencies/{agencyId}/charts/trend.png?series={Uri.EscapeDataString(key)}";

    private static ChartSeries ToChart(TrendSeries series, bool projected) =>
        new(series.Label,
            [.. series.Points.Select(p => new Charts.TrendPoint(p.FiscalYear, p.Score))],
            projected && series.Projection is { } next ? new Charts.TrendProjection(next.FiscalYear, next.Value, next.Lower, next.Upper) : null);

    /// <summary>The PNG downloads, scoped like the trends page.</summary>
    public static IEndpointRouteBuilder MapTrendCharts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/agencies/{id:int}/charts/trend.png", async (int id, string? series, ClaimsPrincipal user, AgencyTrends trends,
            ChartRenderer renderer, CancellationToken cancellationToken) =>
        {
            var key = series ?? Overall;
            return await trends.ForAgencyAsync(user, id, cancellationToken) is { } trend && For(trend, key) is { } data
                ? (IResult)ChartPng.Of(renderer.Trend(data), $"ita-agency-{id}-trend-{key.Replace(':', '-')}")
                : Results.NotFound();
        }).RequireAuthorization();
        return app;
    }
}
