using System.Security.Claims;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Sharing;

/// <summary>
/// QR images of public links (stable URLs an agency can embed), and the printable poster and
/// single-use slips for administrators.
/// </summary>
public static class SharingEndpoints
{
    public static IEndpointRouteBuilder MapSharingEndpoints(this IEndpointRouteBuilder app)
    {
        var link = app.MapGroup("/go/{instrument:regex(^(iit|eit)$)}/{code}");
        link.MapGet("/qr.svg", QrSvgAsync);
        link.MapGet("/qr.png", QrPngAsync);

        var round = app.MapGroup("/admin/rounds/{roundId:int}").RequireAuthorization();
        round.MapGet("/poster-{instrument:regex(^(iit|eit)$)}.pdf", PosterAsync);
        round.MapPost("/slips", NewSlipsAsync);
        round.MapGet("/slips.pdf", UnusedSlipsAsync);
        return app;
    }

    private static async Task<IResult> QrSvgAsync(string instrument, string code, HttpContext http, SurveyLinks links, IOptions<SiteOptions> site)
    {
        var found = await links.FindAsync(instrument, code, http.RequestAborted);
        if (found is null)
        {
            return Results.NotFound();
        }
        Cacheable(http);
        return Results.Text(QrImages.Svg(site.Value.Absolute(found.Path(false))), "image/svg+xml");
    }

    private static async Task<IResult> QrPngAsync(string instrument, string code, int? size, HttpContext http, SurveyLinks links, IOptions<SiteOptions> site)
    {
        var pixels = size ?? 512;
        if (!QrImages.PngSizes.Contains(pixels))
        {
            return Results.BadRequest($"size is one of {string.Join(", ", QrImages.PngSizes)}.");
        }
        var found = await links.FindAsync(instrument, code, http.RequestAborted);
        if (found is null)
        {
            return Results.NotFound();
        }
        Cacheable(http);
        return Results.File(QrImages.Png(site.Value.Absolute(found.Path(false)), pixels), "image/png");
    }

    private static async Task<IResult> PosterAsync(int roundId, string instrument, ClaimsPrincipal user, AgencyAccess access, ShareableRounds rounds, CancellationToken cancellationToken)
    {
        var round = await rounds.FindAsync(roundId, cancellationToken);
        if (round is null || !await access.CanSeeAsync(user, round.AgencyId, cancellationToken))
        {
            return Results.NotFound();
        }
        var upper = instrument.ToUpperInvariant();
        return Results.File(PrintDocuments.Poster(round.Poster(upper)), "application/pdf", $"poster-{upper.ToLowerInvariant()}-{round.LinkCodes[upper]}.pdf");
    }

    private static async Task<IResult> NewSlipsAsync(int roundId, [FromForm] int count, ClaimsPrincipal user, AgencyAccess access, ShareableRounds rounds,
        RoundAdmin admin, AuditLog audit, CancellationToken cancellationToken)
    {
        var round = await rounds.FindAsync(roundId, cancellationToken);
        if (round is null || !await access.CanEditAsync(user, round.AgencyId, cancellationToken))
        {
            return Results.NotFound();
        }
        if (round.IitMode != IitMode.SingleUseCodes)
        {
            return Results.BadRequest("This round's IIT uses an open link, not single-use codes.");
        }
        if (count is < 1 or > 2000)
        {
            return Results.BadRequest("Between 1 and 2000 slips at a time.");
        }
        var codes = await admin.GenerateAccessCodesAsync(roundId, count, cancellationToken);
        await audit.RecordAsync(user, "codes.generate", round.AgencyId, $"round {roundId}: {count} single-use codes printed as slips", cancellationToken);
        return Slips(round, codes);
    }

    private static async Task<IResult> UnusedSlipsAsync(int roundId, ClaimsPrincipal user, AgencyAccess access, ShareableRounds rounds, CancellationToken cancellationToken)
    {
        var round = await rounds.FindAsync(roundId, cancellationToken);
        if (round is null || !await access.CanEditAsync(user, round.AgencyId, cancellationToken))
        {
            return Results.NotFound();
        }
        var codes = await rounds.UnusedCodesAsync(roundId, cancellationToken);
        return codes.Count == 0 ? Results.NotFound() : Slips(round, codes);
    }

    private static IResult Slips(ShareableRound round, IReadOnlyList<string> codes) =>
        Results.File(PrintDocuments.Slips(codes.Select(round.Slip).ToList(), $"IIT slips — {round.AgencyName}"), "application/pdf",
            $"iit-slips-round-{round.RoundId}.pdf");

    private static void Cacheable(HttpContext http) => http.Response.Headers.CacheControl = "public, max-age=86400";
}
