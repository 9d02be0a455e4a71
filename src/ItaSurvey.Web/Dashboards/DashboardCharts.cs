using System.Security.Claims;
using ItaSurvey.Web.Charts;

namespace ItaSurvey.Web.Dashboards;

/// <summary>The round dashboard's charts: the data they draw, and their PNG downloads at stable addresses.</summary>
public static class DashboardCharts
{
    /// <summary>The ten indicators as bars against the year's threshold, with their 95 % intervals.</summary>
    public static IndicatorChartData Indicators(RoundDashboard dashboard) =>
        new($"คะแนนรายตัวชี้วัด ปีงบประมาณ พ.ศ. {dashboard.FiscalYear}",
            [.. dashboard.Indicators.Select(i => new IndicatorBar(i.Code, i.Name.Th, i.Withheld ? null : i.Score,
                i.Estimate?.Lower, i.Estimate?.Upper, i.Withheld))],
            dashboard.Flags.UrgentBelow,
            dashboard.Flags.ImproveBelow);

    /// <summary>How respondents answered one answer field of a question; null when the field is not on the dashboard.</summary>
    public static DistributionChartData? Distribution(RoundDashboard dashboard, string fieldCode)
    {
        var question = dashboard.Questions.FirstOrDefault(q => q.Fields.Any(f => f.Code == fieldCode))
            ?? dashboard.Questions.FirstOrDefault(q => q.Withheld && q.Code == fieldCode);
        if (question is null)
        {
            return null;
        }
        if (question.Withheld)
        {
            return new DistributionChartData($"การตอบข้อ {question.Code}", [], Withheld: true, WithheldMessage: dashboard.WithheldMessage.Th);
        }
        var field = question.Fields.First(f => f.Code == fieldCode);
        var title = field.ItemText is { } item ? $"การตอบข้อ {question.Code}: {item.Th}" : $"การตอบข้อ {question.Code}";
        return new DistributionChartData(title, [.. field.Levels.Select(l => new AnswerLevelCount(l.Label.Th, l.Count))]);
    }

    /// <summary>Where the PNG of the indicator chart is downloaded.</summary>
    public static string IndicatorsPng(int roundId) => $"/admin/rounds/{roundId}/charts/indicators.png";

    /// <summary>Where the PNG of an answer field's distribution is downloaded.</summary>
    public static string DistributionPng(int roundId, string fieldCode) => $"/admin/rounds/{roundId}/charts/answers/{Uri.EscapeDataString(fieldCode)}.png";

    /// <summary>The PNG downloads, scoped like the dashboard: a round out of scope is not found.</summary>
    public static IEndpointRouteBuilder MapDashboardCharts(this IEndpointRouteBuilder app)
    {
        var charts = app.MapGroup("/admin/rounds/{id:int}/charts").RequireAuthorization();
        charts.MapGet("/indicators.png", async (int id, ClaimsPrincipal user, RoundDashboards dashboards, ChartRenderer renderer, CancellationToken cancellationToken) =>
            await dashboards.ForUserAsync(user, id, cancellationToken) is { } dashboard
                ? (IResult)ChartPng.Of(renderer.Indicators(Indicators(dashboard)), $"ita-{dashboard.FiscalYear}-round-{id}-indicators")
                : Results.NotFound());
        charts.MapGet("/answers/{field}.png", async (int id, string field, ClaimsPrincipal user, RoundDashboards dashboards, ChartRenderer renderer, CancellationToken cancellationToken) =>
        {
            if (await dashboards.ForUserAsync(user, id, cancellationToken) is not { } dashboard || Distribution(dashboard, field) is not { } data)
            {
                return Results.NotFound();
            }
            // A withheld distribution has no picture: the same answer as no such question, with the reason.
            return renderer.Distribution(data) is { } chart
                ? (IResult)ChartPng.Of(chart, $"ita-{dashboard.FiscalYear}-round-{id}-{field}")
                : Results.Text(dashboard.WithheldMessage.Th, "text/plain; charset=utf-8", statusCode: StatusCodes.Status409Conflict);
        });
        return app;
    }
}
