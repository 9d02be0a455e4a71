using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ItaSurvey.Web.Tests.Oit;

/// <summary>An agency's web site on 127.0.0.1 with evidence of every kind, good, stale and hostile (documents from <see cref="EvidenceDocuments"/>).</summary>
public sealed class EvidenceSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EvidenceSite(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public string Url(string path) => new Uri(Address, path).ToString();

    public static async Task<EvidenceSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MinResponseDataRate = null; // the slow pages are slow on purpose
        });
        var app = builder.Build();
        var right = EvidenceDocuments.Pdf("แผนผังโครงสร้างองค์กร", "เทศบาลตำบลทดสอบ ประจำปีงบประมาณ พ.ศ. 2566", "ตำแหน่งผู้บริหาร");
        var thaiDigits = EvidenceDocuments.Pdf("แผนผังโครงสร้าง ปีงบประมาณ ๒๕๖๖");
        var stale = EvidenceDocuments.Pdf("แผนผังโครงสร้างองค์กร ประจำปีงบประมาณ พ.ศ. 2565", "ตำแหน่ง");
        var scan = EvidenceDocuments.ScanOnlyPdf();
        var bomb = EvidenceDocuments.BombPdf(200);
        var latin = EvidenceDocuments.LatinPdf("Organisation chart (phaen phang khrongsang), fiscal year 2566");

        app.MapGet("/right.html", () => Html(EvidenceDocuments.Page("โครงสร้างองค์กร",
            "<h1>แผนผัง<span>โครงสร้าง</span>องค์กร</h1><table><tr><td>ประจำปีงบประมาณ พ.ศ.</td><td>2566</td></tr></table><p>ตำแหน่ง</p>")));
        app.MapGet("/stale.html", () => Html(EvidenceDocuments.Page("โครงสร้างองค์กร", "<h1>แผนผังโครงสร้าง ปี 2564 และ ปี 2565</h1><p>ตำแหน่ง</p>")));
        app.MapGet("/thai-digits.html", () => Html(EvidenceDocuments.Page("โครงสร้าง", "<p>แผนผังโครงสร้าง ตำแหน่ง พ.ศ. ๒๕๖๖</p>")));
        app.MapGet("/other-item.html", () => Html(EvidenceDocuments.Page("จัดซื้อจัดจ้าง", "<p>ประกาศผลการจัดซื้อจัดจ้าง ปีงบประมาณ 2566</p>")));
        app.MapGet("/soft-404-th.html", () => Html(EvidenceDocuments.Page("เทศบาลตำบลทดสอบ", "<h1>ขออภัย ไม่พบหน้าที่คุณต้องการ</h1><p>2566</p>")));
        app.MapGet("/soft-404-en.html", () => Html(EvidenceDocuments.Page("Page Not Found", "<p>The page you requested does not exist.</p>")));
        app.MapGet("/gone.html", () => Results.NotFound());
        // Older Thai sites: TIS-620 / Windows-874 bytes, the year in Thai digits, so only a right decoding finds year and words.
        var legacy = "<p>แผนผังโครงสร้าง ตำแหน่ง ปีงบประมาณ ๒๕๖๖</p>";
        app.MapGet("/tis-620-header.html", () => Results.Bytes(EvidenceDocuments.ThaiLegacy(EvidenceDocuments.Page("โครงสร้าง", legacy)),
            "text/html; charset=TIS-620"));
        app.MapGet("/windows-874-meta.html", () => Results.Bytes(EvidenceDocuments.ThaiLegacy(EvidenceDocuments.Page("โครงสร้าง", legacy)
            .Replace("<meta charset=\"utf-8\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-874\">", StringComparison.Ordinal)), "text/html"));
        app.MapGet("/tis-620-undeclared.html", () => Results.Bytes(EvidenceDocuments.ThaiLegacy(EvidenceDocuments.Page("โครงสร้าง", legacy)
            .Replace("<meta charset=\"utf-8\">", "", StringComparison.Ordinal)), "text/html"));
        app.MapGet("/tis-620-as-utf-8.html", () => Results.Bytes(EvidenceDocuments.ThaiLegacy(EvidenceDocuments.Page("โครงสร้าง", legacy)),
            "text/html; charset=utf-8")); // a server that says UTF-8 and sends TIS-620: read as it says
        app.MapGet("/right.pdf", () => Results.Bytes(right, "application/pdf"));
        app.MapGet("/thai-digits.pdf", () => Results.Bytes(thaiDigits, "application/pdf"));
        app.MapGet("/stale.pdf", () => Results.Bytes(stale, "application/pdf"));
        app.MapGet("/scan.pdf", () => Results.Bytes(scan, "application/pdf"));
        app.MapGet("/bomb.pdf", () => Results.Bytes(bomb, "application/pdf"));
        app.MapGet("/download", () => Results.Bytes(latin, "application/octet-stream"));
        app.MapGet("/photo.png", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0], "image/png"));
        app.MapGet("/hop/{n:int}", (int n) => Results.Redirect(n > 1 ? $"/hop/{n - 1}" : "/right.html"));
        // 2 GB announced and streamed; the reader must stop long before.
        app.MapGet("/huge.pdf", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/pdf";
            await Endless(context, "%PDF-1.4\n"u8.ToArray());
        });
        app.MapGet("/huge-chunked.pdf", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/pdf";
            await Endless(context, "%PDF-1.4\n"u8.ToArray(), announce: false);
        });
        // Headers at once, then a few bytes a second, forever.
        app.MapGet("/never-ending.html", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<html><body><p>แผนผังโครงสร้าง", context.RequestAborted);
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.WriteAsync("ก", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(200, context.RequestAborted);
            }
        });
        app.MapGet("/links.html", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await EvidenceDocuments.WriteManyLinksAsync(context.Response.Body, 500_000, context.RequestAborted);
        });
        // 1 GB of spaces after "2566", gzip-compressed to about a megabyte.
        app.MapGet("/gzip-bomb.html", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("<html><title>แผนผังโครงสร้าง ตำแหน่ง 2566</title><body>"), context.RequestAborted);
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 1024 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await gzip.WriteAsync(spaces, context.RequestAborted);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new EvidenceSite(app, new Uri(address));
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);

    private static async Task Endless(HttpContext context, byte[] start, bool announce = true)
    {
        if (announce)
        {
            context.Response.ContentLength = 2L * 1024 * 1024 * 1024;
        }
        await context.Response.Body.WriteAsync(start, context.RequestAborted);
        var block = new byte[64 * 1024];
        while (!context.RequestAborted.IsCancellationRequested)
        {
            await context.Response.Body.WriteAsync(block, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
