using System.Diagnostics;
using System.Globalization;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Charts;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Demo;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Bench;

/// <summary>
/// Builds the round dashboard (scores, intervals, alpha, distributions, the previous year's
/// round and its tests) for a round of N responses, as the admin page does, through the app's
/// own service registrations on a fresh SQLite file, and prints the server time per build.
/// </summary>
internal static class DashboardBenchmark
{
    public const string Usage = "dashboard [responses=100000]";

    public static async Task<int> RunAsync(string[] args)
    {
        var responses = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var folder = Directory.CreateTempSubdirectory("itasurvey-dashboard-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "bench.db")}";
            builder.Configuration["Database:SqliteSynchronous"] = "NORMAL"; // reads are what is timed
            builder.Configuration["PublicBaseUrl"] = "https://ita.example.test";
            builder.AddSurveys();
            builder.AddDatabase();
            builder.AddResponding();
            builder.AddAccounts();
            builder.AddAuditing();
            builder.AddRounds();
            builder.AddScoredResults();
            builder.AddCharts();
            builder.AddDashboards();
            await using var app = builder.Build();
            await DatabaseSetup.MigrateAsync(app.Services);

            var (roundId, seconds) = await SeedAsync(app.Services, responses, folder);
            Console.WriteLine($"seeded {responses:N0} responses (half IIT, half EIT) for 2566 and the same for 2565 in {seconds:0.0} s");

            using var scope = app.Services.CreateScope();
            var dashboards = scope.ServiceProvider.GetRequiredService<RoundDashboards>();
            var cache = (MemoryCache)app.Services.GetRequiredService<IMemoryCache>();
            await dashboards.BuildAsync(roundId); // warm-up: JIT, EF model, SQLite page cache
            foreach (var cold in new[] { true, false })
            {
                var times = new List<double>();
                for (var run = 0; run < 7; run++)
                {
                    if (cold)
                    {
                        cache.Clear();
                    }
                    var clock = Stopwatch.StartNew();
                    var dashboard = await dashboards.BuildAsync(roundId) ?? throw new InvalidOperationException("no dashboard");
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    if (run == 0 && cold)
                    {
                        Console.WriteLine($"  IIT {dashboard.Result.Assessment.Instrument("IIT").Score:0.00}, EIT {dashboard.Result.Assessment.Instrument("EIT").Score:0.00}, {dashboard.Questions.Count} questions, compared with {dashboard.Previous?.FiscalYear} ({dashboard.Previous?.Source})");
                    }
                }
                times.Sort();
                Console.WriteLine(cold
                    ? $"round dashboard, first view ({responses:N0} responses and the previous year's {responses:N0} read): median {times[times.Count / 2]:0} ms, best {times[0]:0} ms, worst {times[^1]:0} ms over {times.Count} runs"
                    : $"round dashboard, unchanged round (analysis cached, state checked): median {times[times.Count / 2]:0.0} ms, worst {times[^1]:0.0} ms");
            }

            // The page also draws the indicator chart (inline SVG); the PNG is drawn on download.
            var charts = app.Services.GetRequiredService<ChartRenderer>();
            var built = (await dashboards.BuildAsync(roundId))!;
            foreach (var (name, draw) in new (string, Func<object>)[]
            {
                ("indicator chart, SVG", () => charts.Indicators(DashboardCharts.Indicators(built)).Svg()),
                ("indicator chart, PNG 1280 px", () => charts.Indicators(DashboardCharts.Indicators(built)).Png()),
            })
            {
                draw(); // warm-up
                var drawTimes = new List<double>();
                for (var run = 0; run < 7; run++)
                {
                    var clock = Stopwatch.StartNew();
                    draw();
                    drawTimes.Add(clock.Elapsed.TotalMilliseconds);
                }
                drawTimes.Sort();
                Console.WriteLine($"{name}: median {drawTimes[drawTimes.Count / 2]:0.0} ms");
            }
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One agency with a 2565 and a 2566 round of N responses each; returns the 2566 round.</summary>
    private static async Task<(int RoundId, double Seconds)> SeedAsync(IServiceProvider services, int responses, string folder)
    {
        var clock = Stopwatch.StartNew();
        var rounds = services.GetRequiredService<RoundAdmin>();
        var questionnaires = services.GetRequiredService<SurveyLibrary>();
        var catalog = services.GetRequiredService<SurveyLibrary>().Current;
        var agency = await rounds.CreateAgencyAsync(new Agency
        {
            NameTh = "เทศบาลนครตัวอย่าง", Province = "นนทบุรี", AgencyGroup = "city-municipality", StaffHeadcount = 2000,
        });
        var current = 0;
        foreach (var year in new[] { 2565, 2566 })
        {
            var round = await rounds.CreateRoundAsync(agency.Id, year, new DateOnly(year - 543, 4, 1), new DateOnly(year - 543, 6, 30), IitMode.OpenLink);
            current = round.Id;
            var demo = DemoYear.All.Single(d => d.FiscalYear == year);
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "bench.db")}");
            await connection.OpenAsync();
            await using var transaction = connection.BeginTransaction();
            var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO Responses (RoundId, Instrument, SubmittedOn, SubmissionKey, FormVersion, Answers, RespondentGroup) VALUES ($round, $instrument, $on, $key, $version, $answers, $group)";
            var parameters = new[] { "$round", "$instrument", "$on", "$key", "$version", "$answers", "$group" }.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
            foreach (var instrument in new[] { "IIT", "EIT" })
            {
                var form = questionnaires.LatestCompiled(year, instrument);
                var answers = new SyntheticAnswers(form, demo, new Random(year));
                for (var i = 0; i < responses / 2; i++)
                {
                    parameters[0].Value = round.Id;
                    parameters[1].Value = instrument;
                    parameters[2].Value = new DateOnly(year - 543, 5, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    parameters[3].Value = Guid.NewGuid().ToString().ToUpperInvariant();
                    parameters[4].Value = form.Fingerprint;
                    parameters[5].Value = answers.Next();
                    parameters[6].Value = instrument == "EIT" ? "citizen" : DBNull.Value;
                    await insert.ExecuteNonQueryAsync();
                }
            }
            await transaction.CommitAsync();
            _ = catalog.Year(year);
        }
        return (current, clock.Elapsed.TotalSeconds);
    }
}
