using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Surveys;
using ItaSurvey.Web.Trends;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Bench;

/// <summary>
/// The cross-agency view at national scale: a temp SQLite database with 8,300 agencies and five
/// years of official results, then the same query service the /admin/overview page calls, timed
/// in-process for the default view, a province filter, a sort by total and a page in the middle.
/// </summary>
public static class OverviewBenchmark
{
    public const string Usage = "overview [agencies=8300] [runs=7]   time the cross-agency query over official results";

    private static readonly int[] Years = [2562, 2563, 2564, 2565, 2566];

    public static async Task<int> RunAsync(string[] args)
    {
        var agencies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8300;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var folder = Directory.CreateTempSubdirectory("itasurvey-overview-").FullName;
        try
        {
            var options = new DbContextOptionsBuilder<SqliteItaDbContext>()
                .UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}").Options;
            IDbContextFactory<ItaDbContext> databases = new Contexts(options);
            await using (var db = await databases.CreateDbContextAsync())
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            var surveys = new SurveyLibrary(databases, TimeProvider.System);
            await new SurveyImport(databases, SurveyFolder.Read(Path.Combine(AppContext.BaseDirectory, "surveys")), surveys, TimeProvider.System,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<SurveyImport>.Instance).RunAsync();
            var catalog = surveys.Current;
            var seeding = Stopwatch.StartNew();
            var provinces = Seed(Path.Combine(folder, "bench.db"), agencies, catalog);
            Console.WriteLine($"seeded {agencies:N0} agencies x {Years.Length} years of official results (10 indicators each) in {seeding.Elapsed.TotalSeconds:0.0} s");

            var overview = new AgencyOverview(databases, surveys, new AgencyAccess(databases), new OverviewYearCache(), Microsoft.Extensions.Options.Options.Create(new DashboardOptions()));
            var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Role, Roles.SystemAdmin)], "bench"));
            var middle = (agencies / OverviewQuery.DefaultPageSize / 2) + 1;
            (string Name, OverviewQuery Query)[] cases =
            [
                ("default view (latest year, by name)", new OverviewQuery()),
                ("province filter", new OverviewQuery(Province: provinces[3])),
                ("sort by total, highest first", new OverviewQuery(Sort: "total", Descending: true)),
                ($"page {middle} (middle), by total", new OverviewQuery(Sort: "total", Page: middle)),
            ];
            // What the background service does after a start: the default years' scores, built once.
            var warming = Stopwatch.StartNew();
            await overview.WarmAsync();
            Console.WriteLine($"warm-up after start (background, before any visitor): {warming.Elapsed.TotalMilliseconds:0} ms");
            Console.WriteLine($"{"case",-40} {"rows",6} {"first ms",9} {"median ms",10} {"max ms",8}");
            foreach (var (name, query) in cases)
            {
                // The first run of the first case still pays the JIT of the query path.
                var cold = Stopwatch.StartNew();
                var result = await overview.QueryAsync(admin, query);
                var first = cold.Elapsed.TotalMilliseconds;
                var times = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    var watch = Stopwatch.StartNew();
                    result = await overview.QueryAsync(admin, query);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                Console.WriteLine($"{name,-40} {result.Matching,6} {first,9:0.0} {times[times.Count / 2],10:0.0} {times[^1],8:0.0}");
            }
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Agencies in 77 provinces and the year's agency groups; each agency has a level around 85
    /// (sd 6) that drifts by year, IIT/EIT indicators near it and OIT indicators more spread. Half
    /// of the results carry a published total. Raw SQL in one transaction: seconds, not minutes.
    /// </summary>
    private static List<string> Seed(string file, int agencies, SurveyCatalog catalog)
    {
        var random = new Random(2566);
        var provinces = Enumerable.Range(1, 77).Select(i => $"จังหวัดที่ {i}").ToList();
        var groups = catalog.Years[^1].Model.MinimumSample.Eit.Groups.Select(g => g.Code).ToList();
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var agency = Command(connection, transaction, "INSERT INTO Agencies (Id, NameTh, Province, AgencyGroup, StaffHeadcount) VALUES ($id, $name, $province, $group, $staff)");
        using var result = Command(connection, transaction, "INSERT INTO OfficialResults (Id, AgencyId, FiscalYear, Total) VALUES ($id, $agency, $year, $total)");
        using var indicator = Command(connection, transaction, "INSERT INTO OfficialIndicatorScore (OfficialResultId, IndicatorCode, Score) VALUES ($result, $code, $score)");
        var resultId = 0;
        for (var a = 1; a <= agencies; a++)
        {
            Run(agency, ("$id", a), ("$name", $"หน่วยงานทดสอบที่ {a}"), ("$province", provinces[a % provinces.Count]), ("$group", groups[a % groups.Count]), ("$staff", 20 + (a % 400)));
            var level = Normal(random, 85, 6);
            foreach (var year in Years)
            {
                level += Normal(random, 0.8, 2);
                resultId++;
                var scores = Enumerable.Range(1, 10).Select(code => Math.Round(Math.Clamp(code >= 9 ? Normal(random, level - 8, 12) : Normal(random, level + 3, 3), 0, 100), 2)).ToArray();
                var iit = scores[..5].Average();
                var eit = scores[5..8].Average();
                var oit = scores[8..].Average();
                object total = resultId % 2 == 0 ? Math.Round((0.3 * iit) + (0.3 * eit) + (0.4 * oit), 2) : DBNull.Value;
                Run(result, ("$id", resultId), ("$agency", a), ("$year", year), ("$total", total));
                for (var code = 1; code <= 10; code++)
                {
                    Run(indicator, ("$result", resultId), ("$code", code.ToString(CultureInfo.InvariantCulture)), ("$score", scores[code - 1]));
                }
            }
        }
        transaction.Commit();
        return provinces;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Run(SqliteCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }

    private static double Normal(Random random, double mean, double sd) =>
        mean + (sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private sealed class Contexts(DbContextOptions<SqliteItaDbContext> options) : IDbContextFactory<ItaDbContext>
    {
        public ItaDbContext CreateDbContext() => new SqliteItaDbContext(options);
    }
}
