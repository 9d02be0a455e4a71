using ItaSurvey.Web.Data;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Sharing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.PublicIta;

/// <summary>
/// The public side: /ita/{agency}/{year} (the page, its QR code as PNG and SVG) and the files the
/// app publishes at /ita/files/{token}/{name}. Plain GETs under a per-client rate limit.
/// </summary>
public static class PublicItaEndpoints
{
    public static IEndpointRouteBuilder MapPublicItaEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ita").RequireRateLimiting(PublicItaSetup.RatePolicy);
        group.MapGet("/{agency}/{year:int}", PageAsync);
        group.MapGet("/{agency}/{year:int}/qr.png", QrPngAsync);
        group.MapGet("/{agency}/{year:int}/qr.svg", QrSvgAsync);
        group.MapGet("/files/{token}/{name}", FileAsync);
        return app;
    }

    private static async Task<IResult> PageAsync(string agency, int year, HttpContext http, PublicItaPages pages, IOptions<SiteOptions> site)
    {
        var view = await pages.FindAsync(agency, year, http.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }
        if (agency != view.AgencyCode)
        {
            return TypedResults.Redirect(view.Path, permanent: true); // typed in lower case or with a dash, as from paper
        }
        // Short: a page taken down, or evidence changed, shows within a minute everywhere.
        http.Response.Headers.CacheControl = "public, max-age=60";
        return new RazorComponentResult<PublicItaPage>(new { V = view, Canonical = site.Value.Absolute(view.Path) });
    }

    private static async Task<IResult> QrPngAsync(string agency, int year, int? size, HttpContext http, PublicItaPages pages, IOptions<SiteOptions> site)
    {
        var pixels = size ?? 512;
        if (!QrImages.PngSizes.Contains(pixels))
        {
            return Results.BadRequest($"size is one of {string.Join(", ", QrImages.PngSizes)}.");
        }
        var view = await pages.FindAsync(agency, year, http.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.File(QrImages.Png(site.Value.Absolute(view.Path), pixels), "image/png");
    }

    private static async Task<IResult> QrSvgAsync(string agency, int year, HttpContext http, PublicItaPages pages, IOptions<SiteOptions> site)
    {
        var view = await pages.FindAsync(agency, year, http.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(QrImages.Svg(site.Value.Absolute(view.Path)), "image/svg+xml");
    }

    private static async Task<IResult> FileAsync(string token, string name, HttpContext http, IDbContextFactory<ItaDbContext> databases)
    {
        var code = ShortCodes.Normalize(token);
        if (!ShortCodes.IsWellFormed(code, PublishedDocument.TokenLength))
        {
            return NotFound();
        }
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted);
        var document = await db.PublishedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Token == code, http.RequestAborted);
        if (document is null || document.FileName != name)
        {
            return NotFound();
        }
        // Served inline (assessors open it in the browser), never as HTML: the type is stored, nosniff is on every answer.
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.File(document.Content, document.ContentType, lastModified: new DateTimeOffset(DateTime.SpecifyKind(document.CreatedAt, DateTimeKind.Utc)));
    }

    private static RazorComponentResult<MessagePage> NotFound() =>
        PublicPages.Message(StatusCodes.Status404NotFound, english: false, "ไม่พบหน้า ITA นี้",
            "หน่วยงานยังไม่ได้เผยแพร่หน้านี้ หรือที่อยู่ไม่ถูกต้อง โปรดตรวจสอบรหัสหน่วยงานและปีงบประมาณ (พ.ศ.) ในที่อยู่อีกครั้ง",
            tone: "error");
}
