using ItaSurvey.Web.Data;
using ItaSurvey.Web.Hosting;
using ItaSurvey.Web.Trends;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.ScoredResults;

/// <summary>
/// Re-scores, in the background, the rounds whose responses or OIT answers changed since their
/// snapshot: a first pass after the start delay, then one per interval. Pages never wait for it.
/// With several instances on one database only the holder of the lease re-scores (once per
/// interval in all); every instance warms its own overview cache.
/// </summary>
public sealed class SnapshotService(SnapshotRefresher refresher, WorkLeases leases, IOptions<SnapshotOptions> options, TimeProvider clock,
    ILogger<SnapshotService> log, IServiceScopeFactory scopes)
    : PeriodicWorkService<SnapshotOptions>(Lease, "score snapshot refresh", options, leases, clock, log)
{
    public const string Lease = "score-snapshots";

    protected override async Task PassAsync(SnapshotOptions settings, CancellationToken stoppingToken)
    {
        await Leases.RunIfHeldAsync(Lease, settings.Interval, async cancellationToken =>
        {
            var count = await refresher.RefreshStaleAsync(cancellationToken);
            if (count > 0)
            {
                Log.LogInformation("Refreshed the score snapshots of {Count} rounds", count);
            }
        }, stoppingToken);
        // The cross-agency overview's default view, ready before anyone asks (cheap when nothing changed).
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AgencyOverview>().WarmAsync(stoppingToken);
    }
}
