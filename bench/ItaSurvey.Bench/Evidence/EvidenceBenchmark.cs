using System.Diagnostics;
using System.Globalization;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Hosting;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Surveys;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Bench.Evidence;

/// <summary>
/// The evidence check at national scale: 1,000 agencies with a 2566 round whose 43 OIT items each
/// give one URL on a local site (<see cref="EvidenceSite"/>, another process), checked by the
/// app's own checker in passes as the background service runs them, verdicts stored in a SQLite
/// file. Prints URLs per second, the verdicts, and the checker process's peak memory.
/// </summary>
internal static class EvidenceBenchmark
{
    public const string Usage = "evidence [agencies=1000] [parallelism=4] [latency-ms=0]   check 43 OIT evidence URLs per agency against a local site";

    public static async Task<int> RunAsync(string[] args)
    {
        var agencies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var parallelism = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
        var latency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
        var folder = Directory.CreateTempSubdirectory("itasurvey-evidence-").FullName;
        var (site, address) = await EvidenceSite.StartAsync(latency);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Testing" });
            builder.Configuration["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "bench.db")}";
            builder.Configuration["Logging:LogLevel:Default"] = "Error"; // a line per broken link would drown the figures
            builder.Configuration["PublicBaseUrl"] = "https://ita.example.test";
            builder.Configuration["Oit:LinkCheck:Enabled"] = "false";
            builder.Configuration["Oit:LinkCheck:AllowPrivateNetworks"] = "true"; // the site is on 127.0.0.1
            builder.Configuration["Oit:LinkCheck:Parallelism"] = parallelism.ToString(CultureInfo.InvariantCulture);
            builder.AddHosting();
            builder.AddSurveys();
            builder.AddDatabase();
            builder.AddAccounts();
            builder.AddAuditing();
            builder.AddRounds();
            builder.AddOit();
            await using var app = builder.Build();
            await DatabaseSetup.MigrateAsync(app.Services);
            await app.Services.GetRequiredService<SurveyImport>().RunAsync();
            var seeding = Stopwatch.StartNew();
            var urls = await SeedAsync(app.Services, agencies, address);
            Console.WriteLine($"seeded {agencies:N0} agencies x 43 OIT items = {urls:N0} evidence URLs in {seeding.Elapsed.TotalSeconds:0.0} s");

            var checker = app.Services.GetRequiredService<OitLinkChecker>();
            var settings = app.Services.GetRequiredService<IOptions<LinkCheckOptions>>().Value;
            GC.Collect();
            using var memory = new MemorySampler();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var clock = Stopwatch.StartNew();
            // As LinkCheckService runs a pass: batch after batch until nothing is due.
            var startedAt = DateTime.UtcNow;
            var done = 0;
            int count;
            do
            {
                count = await checker.CheckDueAsync(startedAt, CancellationToken.None);
                done += count;
                if (done % 5000 < settings.BatchSize && count > 0)
                {
                    Console.WriteLine($"  {done:N0} checked, {done / clock.Elapsed.TotalSeconds:0} URLs/s");
                }
            }
            while (count == settings.BatchSize);
            var elapsed = clock.Elapsed;
            var (peakWorkingSet, peakHeap) = memory.Stop();
            var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;

            Console.WriteLine($"evidence check: {done:N0} URLs in {elapsed.TotalSeconds:0.0} s = {done / elapsed.TotalSeconds:0} URLs/s "
                + $"(parallelism {settings.Parallelism}, batch {settings.BatchSize}, {Environment.ProcessorCount} cores, site latency {latency} ms)");
            Console.WriteLine($"checker process: peak working set {peakWorkingSet / (1024 * 1024)} MB, peak GC heap {peakHeap / (1024 * 1024)} MB, "
                + $"allocated {allocated / done / 1024} KB per URL");
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync();
            var verdicts = await db.OitEvidenceUrls.GroupBy(u => u.Verdict).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Console.WriteLine("verdicts stored: " + string.Join(", ", verdicts.OrderByDescending(v => v.Count).Select(v => $"{v.Key?.ToString() ?? "none"} {v.Count:N0}")));
            return verdicts.Sum(v => v.Key is null ? 0 : v.Count) == urls ? 0 : 1;
        }
        finally
        {
            site.StandardInput.Close();
            if (!site.WaitForExit(10_000))
            {
                site.Kill();
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The agencies, their 2566 rounds and one URL per OIT item; the kind of document chosen by agency and item.</summary>
    private static async Task<int> SeedAsync(IServiceProvider services, int agencies, Uri site)
    {
        var admin = services.GetRequiredService<RoundAdmin>();
        var databases = services.GetRequiredService<IDbContextFactory<ItaDbContext>>();
        var items = EvidenceCorpus.Items();
        var urls = 0;
        for (var n = 1; n <= agencies; n++)
        {
            var agency = await admin.CreateAgencyAsync(new Agency
            {
                NameTh = $"เทศบาลตำบลตัวอย่าง {n}", Province = "ประจวบคีรีขันธ์", AgencyGroup = "tambon-municipality-s", StaffHeadcount = 60,
                WebDomains = n % 2 == 0 ? "127.0.0.1" : null,
            });
            var round = await admin.CreateRoundAsync(agency.Id, 2566, new DateOnly(2023, 4, 1), new DateOnly(2023, 6, 30), IitMode.OpenLink);
            await using var db = await databases.CreateDbContextAsync();
            db.OitEvidence.AddRange(items.Select((item, i) => new OitEvidence
            {
                RoundId = round.Id, ItemCode = item.Code, Present = true,
                Urls = [new OitEvidenceUrl { Url = new Uri(site, $"/ag{n}/ita/{item.Code}/{Kind(n, i)}").ToString() }],
            }));
            urls += await db.SaveChangesAsync() / 2;
        }
        return urls;
    }

    /// <summary>Half HTML pages and over a quarter PDFs of the right year; the rest stale, off-topic, missing or scanned.</summary>
    private static string Kind(int agency, int item) => (((agency * 31) + (item * 17)) % 100) switch
    {
        < 50 => "html",
        < 78 => "pdf",
        < 83 => "old-html",
        < 85 => "old-pdf",
        < 89 => "other",
        < 93 => "soft-404",
        < 96 => "missing",
        _ => "scan",
    };

    /// <summary>Samples the process's working set and GC heap every 20 ms while the check runs.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _workingSet;
        private long _heap;

        public MemorySampler() => _sampling = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                _workingSet = Math.Max(_workingSet, process.WorkingSet64);
                _heap = Math.Max(_heap, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
                _heap = Math.Max(_heap, GC.GetTotalMemory(false));
                await Task.Delay(20);
            }
        });

        public (long WorkingSet, long Heap) Stop()
        {
            _stop.Cancel();
            _sampling.Wait();
            return (_workingSet, _heap);
        }

        public void Dispose() => _stop.Dispose();
    }
}
