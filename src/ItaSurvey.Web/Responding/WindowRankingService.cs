using ItaSurvey.Web.Data;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Responding;

/// <summary>
/// Ranks the finished days' submission windows every interval, so that a day's times of day are
/// gone within a minute of its end even when no submission follows (the last day of a round, a
/// round closed early, a quiet agency): the first batch of a new day ranks them too, but nothing
/// else would. Cheap when nothing is left to rank (one indexed query). With several instances only
/// the lease holder ranks.
/// </summary>
public sealed class WindowRankingService(IDbContextFactory<ItaDbContext> databases, WorkLeases leases, IOptions<WindowRankingOptions> options,
    TimeProvider clock, ILogger<WindowRankingService> log)
    : PeriodicWorkService<WindowRankingOptions>(Lease, "submission window ranking", options, leases, clock, log)
{
    public const string Lease = "submission-windows";

    /// <summary>Ranks every finished day's windows now; returns how many days were ranked.</summary>
    public async Task<int> RankFinishedDaysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await SubmissionWindowCounts.RankFinishedDaysAsync(db, ThaiCalendar.Today(Clock), cancellationToken);
    }

    protected override async Task PassAsync(WindowRankingOptions settings, CancellationToken stoppingToken) =>
        await Leases.RunIfHeldAsync(Lease, settings.Interval, async cancellationToken =>
        {
            var days = await RankFinishedDaysAsync(cancellationToken);
            if (days > 0)
            {
                Log.LogInformation("Ranked the submission windows of {Days} finished days", days);
            }
        }, stoppingToken);
}
