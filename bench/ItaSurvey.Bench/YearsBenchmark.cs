using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using ItaSurvey.Testing;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Bench;

/// <summary>
/// Fiscal years as versions (issue 14): how long publishing a year takes, and how the public form
/// of a round opened on the new version first renders on a running server that did not publish it
/// (another instance: it learns of the publish through the shared counter) and how large it is.
/// </summary>
public static class YearsBenchmark
{
    public const string Usage = "years [publishes=7]   publish copies of 2566; first render and size of a form on the new version (built app)";

    public static async Task<int> RunAsync(string[] args)
    {
        var publishes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        var folder = Directory.CreateTempSubdirectory("itasurvey-years-").FullName;
        var file = Path.Combine(folder, "itasurvey.db");
        var launcher = new AppLauncher(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__ConnectionString"] = $"Data Source={file}",
            ["PublicBaseUrl"] = "https://ita.example.test",
            ["Logging__LogLevel__Default"] = "Warning",
        }, folder, Path.Combine(AppPaths.RepositoryRoot, "src", "ItaSurvey.Web", "bin", "Release", "net10.0", "ItaSurvey.Web.dll"));
        try
        {
            var warm = await launcher.Verbs.CreateRoundAsync("เทศบาลตำบลอุ่นเครื่อง");
            await using var server = await launcher.StartAsync();
            using var http = new HttpClient { BaseAddress = server.Address };
            foreach (var link in warm.Links)
            {
                // The server's first pages compile its code paths: render 2566's forms before timing 2570's.
                await http.GetStringAsync(link.Path);
                await http.GetStringAsync(link.Path);
            }

            // This process is a second instance over the same database: it publishes, the server renders.
            var options = new DbContextOptionsBuilder<SqliteItaDbContext>().UseSqlite($"Data Source={file}").Options;
            IDbContextFactory<ItaDbContext> databases = new Contexts(options);
            var library = new SurveyLibrary(databases, TimeProvider.System);
            await library.RefreshAsync();
            var versions = new SurveyVersions(databases, library, new AuditLog(databases, TimeProvider.System), TimeProvider.System);
            var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Name, "bench"), new Claim(ClaimTypes.Role, Roles.SystemAdmin)], "bench"));
            var from = library.LatestOf(2566)!.Id;

            var times = new List<double>();
            // 2571, 2572, … first, read by the server; 2570 last, so that its form is the only new version the server reads.
            for (var i = 1; i <= publishes; i++)
            {
                var year = i == publishes ? 2570 : 2570 + i;
                if (i == publishes)
                {
                    await Task.Delay(SurveyLibrary.CheckEvery);
                    await http.GetStringAsync(warm.Link("EIT").Path);
                }
                var draft = await versions.CopyAsync(admin, from, year);
                var revision = (await versions.GetAsync(draft.Value))!.Version.Revision;
                var clock = Stopwatch.StartNew();
                var published = await versions.PublishAsync(admin, draft.Value, revision);
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (!published.Succeeded)
                {
                    Console.Error.WriteLine("publish failed: " + published.Failure.Message.En);
                    return 1;
                }
            }
            times.Sort();
            Console.WriteLine($"publish of a year (check every file, store, raise the shared counter), {publishes} runs: median {times[times.Count / 2]:0.0} ms, min {times[0]:0.0} ms, max {times[^1]:0.0} ms");

            var round = await launcher.Verbs.CreateRoundAsync("เทศบาลตำบลปีใหม่", year: 2570);
            await Task.Delay(SurveyLibrary.CheckEvery); // the server looks for new versions at most once a second
            foreach (var instrument in new[] { "EIT", "IIT" })
            {
                var path = round.Link(instrument).Path;
                var first = Stopwatch.StartNew();
                var page = await http.GetStringAsync(path);
                var firstMs = first.Elapsed.TotalMilliseconds;
                var again = Stopwatch.StartNew();
                await http.GetStringAsync(path);
                var bytes = System.Text.Encoding.UTF8.GetByteCount(page);
                Console.WriteLine($"{instrument} form of a 2570 round on the server that did not publish: first render {firstMs:0} ms (reads and compiles the new version), next {again.Elapsed.TotalMilliseconds:0.0} ms, {bytes / 1024.0:0.0} KB of HTML (limit 60 KB)");
                if (!page.Contains("2570", StringComparison.Ordinal))
                {
                    Console.Error.WriteLine($"the {instrument} form does not name fiscal year 2570");
                    return 1;
                }
            }
            await server.StopAsync();
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class Contexts(DbContextOptions<SqliteItaDbContext> options) : IDbContextFactory<ItaDbContext>
    {
        public ItaDbContext CreateDbContext() => new SqliteItaDbContext(options);
    }
}
