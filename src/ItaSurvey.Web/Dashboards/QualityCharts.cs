using System.Security.Claims;
using ItaSurvey.Web.Charts;

namespace ItaSurvey.Web.Dashboards;

/// <summary>The quality panel's burst timelines and their PNG downloads.</summary>
public static class QualityCharts
{
    /// <summary>The timeline of one instrument, or null when its figures are withheld (the IIT while the round is open).</summary>
    public static BurstChartData? Bursts(RoundQuality quality, string instrument) =>
        quality.Of(instrument) is { Withheld: null } figures
            ? new BurstChartData($"คำตอบ {instrument} รายวันและช่วงพุ่งสูง ปีงบประมาณ พ.ศ. {quality.FiscalYear}",
                [.. figures.Bursts.Select(d => new BurstChartDay(d.Day, d.Submissions, d.InBursts))], quality.MinimumResponses)
            : null;

    /// <summary>Each shown instrument's timeline, <paramref name="width"/> wide (the desktop's, or <see cref="ChartRenderer.NarrowWidth"/> for a phone).</summary>
    public static IReadOnlyDictionary<string, RenderedChart> Render(RoundQuality quality, ChartRenderer renderer, int width = ChartStyle.Width) =>
        quality.Instruments.Select(i => (i.Instrument, Data: Bursts(quality, i.Instrument)))
            .Where(x => x.Data is not null)
            .ToDictionary(x => x.Instrument, x => renderer.Bursts(x.Data!, width));

    public static string BurstsPng(int roundId, string instrument) => $"/admin/rounds/{roundId}/charts/bursts-{instrument.ToLowerInvariant()}.png";

    public static IEndpointRouteBuilder MapQualityCharts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/rounds/{id:int}/charts/bursts-{instrument:regex(^(iit|eit)$)}.png",
            async (int id, string instrument, ClaimsPrincipal user, RoundQualities qualities, ChartRenderer renderer, CancellationToken cancellationToken) =>
            {
                if (await qualities.ForUserAsync(user, id, cancellationToken) is not { } quality)
                {
                    return Results.NotFound();
                }
                var code = instrument.ToUpperInvariant();
                return Bursts(quality, code) is { } data
                    ? (IResult)ChartPng.Of(renderer.Bursts(data), $"ita-{quality.FiscalYear}-round-{id}-bursts-{instrument}")
                    : Results.Text(quality.Of(code).Withheld!.Th, "text/plain; charset=utf-8", statusCode: StatusCodes.Status409Conflict);
            }).RequireAuthorization();
        return app;
    }
}
