using System.Collections.Concurrent;
using System.Security.Claims;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Imports;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Trends;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ItaSurvey.Web.Tests.Processes;

/// <summary>
/// Two app hosts over one database (one SQLite file here, one PostgreSQL database in the
/// Postgres project), as two instances behind a load balancer: periodic work runs on one of them
/// per period, and a change made through one shows in the other's cached overview.
/// </summary>
public class SharedDatabaseInstancesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SnapshotService.Lease, "Dashboards:Snapshots", "00:01:00")]
    [InlineData(LinkCheckService.Lease, "Oit:LinkCheck", "00:10:00")]
    public async Task Periodic_work_runs_on_one_instance_per_period_however_many_instances_serve(string lease, string section, string interval)
    {
        await using var firstApp = new SurveyApp();
        await using var secondApp = SurveyApp.SharingDatabaseOf(firstApp);
        var log = new LeaseLog();
        var first = WithWork(firstApp, section, interval, log);
        var second = WithWork(secondApp, section, interval, log);

        _ = first.Services; // both hosts start and make their first pass
        _ = second.Services;
        await log.WaitForAsync(lease, 2);
        firstApp.Clock.Advance(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture));
        secondApp.Clock.Advance(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture));
        await log.WaitForAsync(lease, 4);
        await Task.Delay(300, Cancel); // nothing more comes

        var passes = log.Of(lease);
        Assert.Equal(4, passes.Count);
        var ran = passes.Where(p => p.Ran).ToList();
        Assert.Equal(2, ran.Count); // once per period, not once per instance
        Assert.Single(ran.Select(p => p.Holder).Distinct()); // the holder keeps its lease
    }

    [Fact]
    public async Task A_lease_passes_to_another_instance_only_once_it_expires_or_is_released()
    {
        await using var firstApp = new SurveyApp();
        await using var secondApp = SurveyApp.SharingDatabaseOf(firstApp);
        var first = firstApp.Services.GetRequiredService<WorkLeases>();
        var second = secondApp.Services.GetRequiredService<WorkLeases>();
        var minute = TimeSpan.FromMinutes(1);

        Assert.True(await first.TryAcquireAsync("test", minute, Cancel));
        Assert.False(await second.TryAcquireAsync("test", minute, Cancel));
        firstApp.Clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await first.TryAcquireAsync("test", minute, Cancel)); // renewed until 1:50
        secondApp.Clock.Advance(TimeSpan.FromSeconds(100));
        Assert.False(await second.TryAcquireAsync("test", minute, Cancel));
        secondApp.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.True(await second.TryAcquireAsync("test", minute, Cancel)); // expired: taken over
        Assert.False(await first.TryAcquireAsync("test", minute, Cancel));
        await second.ReleaseAsync("test", Cancel);
        Assert.True(await first.TryAcquireAsync("test", minute, Cancel));
    }

    [Fact]
    public async Task Results_imported_through_one_instance_show_at_once_in_the_overview_of_another()
    {
        await using var firstApp = new SurveyApp();
        await using var secondApp = SurveyApp.SharingDatabaseOf(firstApp);
        var admin = firstApp.Services.GetRequiredService<RoundAdmin>();
        var agencies = new List<Agency>();
        foreach (var name in new[] { "เทศบาลตำบลหนึ่ง", "เทศบาลตำบลสอง" })
        {
            agencies.Add(await admin.CreateAgencyAsync(new Agency { NameTh = name, Province = "ตราด", AgencyGroup = "tambon-municipality-s", StaffHeadcount = 40 }, Cancel));
        }
        var system = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "system"), new Claim(ClaimTypes.Role, Roles.SystemAdmin)], "test"));

        await ImportAsync(firstApp, (agencies[0], 80), (agencies[1], 90));
        var before = await TotalsAsync(secondApp, system);
        // Swapped: the counts and sums of the year's results stay the same.
        await ImportAsync(firstApp, (agencies[0], 90), (agencies[1], 80));
        var after = await TotalsAsync(secondApp, system);

        Assert.Equal(((double?)80, (double?)90), (before[agencies[0].Id], before[agencies[1].Id]));
        Assert.Equal(((double?)90, (double?)80), (after[agencies[0].Id], after[agencies[1].Id]));
    }

    private static async Task ImportAsync(SurveyApp app, params (Agency Agency, int Score)[] rows)
    {
        var csv = "agency,province,fiscal_year,ind1,ind2,ind3,ind4,ind5,ind6,ind7,ind8,ind9,ind10,total\n"
            + string.Join("\n", rows.Select(r => $"{r.Agency.NameTh},{r.Agency.Province},2565,{string.Join(",", Enumerable.Repeat(r.Score, 10))},{r.Score}"));
        var import = new OfficialResultsImport(app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>(), app.Services.GetRequiredService<AuditLog>(),
            app.Services.GetRequiredService<OverviewYearCache>());
        var outcome = await import.ImportAsync(new StringReader(csv), null, Cancel);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
    }

    private static async Task<Dictionary<int, double?>> TotalsAsync(SurveyApp app, ClaimsPrincipal user)
    {
        using var scope = app.Services.CreateScope();
        var view = await scope.ServiceProvider.GetRequiredService<AgencyOverview>().QueryAsync(user, new OverviewQuery(Year: 2565), Cancel);
        return view.Rows.ToDictionary(r => r.AgencyId, r => r.Total);
    }

    private static WebApplicationFactory<Program> WithWork(SurveyApp app, string section, string interval, LeaseLog log) =>
        app.WithWebHostBuilder(b =>
        {
            b.UseSetting($"{section}:Enabled", "true");
            b.UseSetting($"{section}:StartDelay", "00:00:00");
            b.UseSetting($"{section}:Interval", interval);
            b.UseSetting($"Logging:LogLevel:{typeof(WorkLeases).FullName}", "Debug");
            b.ConfigureLogging(logging => logging.AddProvider(log));
        });

    private sealed record Pass(string Work, bool Ran, string? Holder);

    /// <summary>What the lease service of every instance logged: each pass, run here or skipped.</summary>
    private sealed class LeaseLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<Pass> _passes = new();

        public List<Pass> Of(string work) => _passes.Where(p => p.Work == work).ToList();

        public async Task WaitForAsync(string work, int count)
        {
            for (var i = 0; i < 300 && Of(work).Count < count; i++)
            {
                await Task.Delay(100, Cancel);
            }
            Assert.True(Of(work).Count >= count, $"{Of(work).Count} passes of {work} within 30 s, expected {count}");
        }

        public ILogger CreateLogger(string categoryName) => categoryName == typeof(WorkLeases).FullName ? new Logger(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Logger(LeaseLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (state is IReadOnlyList<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "Work").Value is string work)
                {
                    var holder = values.FirstOrDefault(v => v.Key == "Holder").Value as string;
                    log._passes.Enqueue(new Pass(work, holder is not null, holder));
                }
            }
        }
    }
}
