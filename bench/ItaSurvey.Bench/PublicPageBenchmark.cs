using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.PublicIta;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ItaSurvey.Bench;

/// <summary>
/// The agency's public ITA page for a 2566 round with all 43 OIT items answered (two labelled
/// evidence links each, a few missing): the bytes a phone downloads and the server time to read
/// the round and render the page, through the app's own services on a fresh SQLite file.
/// </summary>
internal static class PublicPageBenchmark
{
    public const string Usage = "public-page   the agency's public ITA page for 43 OIT items: bytes and render time";

    public static async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("itasurvey-publicpage-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "bench.db")}";
            builder.Configuration["PublicBaseUrl"] = "https://ita.example.test";
            builder.AddSurveys();
            builder.AddDatabase();
            builder.AddResponding();
            builder.AddAccounts();
            builder.AddAuditing();
            builder.AddRounds();
            builder.AddScoredResults();
            builder.AddDashboards();
            builder.AddPublicIta();
            await using var app = builder.Build();
            await DatabaseSetup.MigrateAsync(app.Services);
            await app.Services.GetRequiredService<SurveyImport>().RunAsync();
            var (code, items) = await SeedAsync(app.Services);

            var pages = app.Services.GetRequiredService<PublicItaPages>();
            await using var renderer = new HtmlRenderer(app.Services, NullLoggerFactory.Instance);
            async Task<string> RenderAsync()
            {
                var view = await pages.FindAsync(code, 2566) ?? throw new InvalidOperationException("the page is not public");
                return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<PublicItaPage>(ParameterView.FromDictionary(
                    new Dictionary<string, object?> { ["V"] = view, ["Canonical"] = "https://ita.example.test" + view.Path }))).ToHtmlString());
            }
            var html = await RenderAsync(); // warm-up: JIT, EF model, SQLite page cache
            var times = new List<double>();
            for (var run = 0; run < 200; run++)
            {
                var clock = Stopwatch.StartNew();
                html = await RenderAsync();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            var bytes = Encoding.UTF8.GetByteCount("<!DOCTYPE html>" + html);
            using var zipped = new MemoryStream();
            await using (var gzip = new GZipStream(zipped, CompressionLevel.Optimal, leaveOpen: true))
            {
                await gzip.WriteAsync(Encoding.UTF8.GetBytes(html));
            }
            var css = new FileInfo(Path.Combine(AppContext.BaseDirectory, "wwwroot", "ita.css"));
            Console.WriteLine($"public ITA page, {items} OIT items ({items * 2 - 6} evidence links): {bytes / 1024.0:0.0} KB HTML ({zipped.Length / 1024.0:0.0} KB gzipped)"
                + (css.Exists ? $" + {css.Length / 1024.0:0.0} KB stylesheet" : "") + ", no script");
            Console.WriteLine($"public ITA page, read and render: median {times[times.Count / 2]:0.00} ms, p95 {times[(int)(times.Count * 0.95)]:0.00} ms, worst {times[^1]:0.00} ms over {times.Count} runs");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(string Code, int Items)> SeedAsync(IServiceProvider services)
    {
        var rounds = services.GetRequiredService<RoundAdmin>();
        var agency = await rounds.CreateAgencyAsync(new Agency { NameTh = "เทศบาลตำบลคลองวาฬ", Province = "ประจวบคีรีขันธ์", AgencyGroup = "tambon-municipality-s", StaffHeadcount = 85 });
        var round = await rounds.CreateRoundAsync(agency.Id, 2566, new DateOnly(2023, 4, 1), new DateOnly(2023, 6, 30), IitMode.OpenLink);
        var oit = services.GetRequiredService<SurveyLibrary>().Of(round).Questionnaire("OIT").Questions;
        await using var db = await services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync();
        var missing = oit.Take(3).Select(q => q.Code).ToHashSet(); // three items ไม่มี
        db.OitEvidence.AddRange(oit.Select(q => new OitEvidence
        {
            RoundId = round.Id, ItemCode = q.Code, Present = !missing.Contains(q.Code), UpdatedAt = new DateTime(2023, 5, 2, 3, 0, 0, DateTimeKind.Utc),
            Urls = missing.Contains(q.Code) ? [] :
            [
                new OitEvidenceUrl { Url = $"https://www.khlongwan.example/ita/2566/{q.Code.ToLowerInvariant()}", Label = $"{q.Text.Th} ประจำปีงบประมาณ พ.ศ. 2566" },
                new OitEvidenceUrl { Url = $"https://www.khlongwan.example/files/2566/{q.Code.ToLowerInvariant()}-attachment.pdf", Label = $"เอกสารแนบ {q.Code}" },
            ],
        }));
        var stored = await db.Rounds.Include(r => r.Agency).SingleAsync(r => r.Id == round.Id);
        (stored.PublicPage, stored.Agency.PublicCode) = (true, "KHWNTB");
        await db.SaveChangesAsync();
        return ("KHWNTB", oit.Count);
    }
}
