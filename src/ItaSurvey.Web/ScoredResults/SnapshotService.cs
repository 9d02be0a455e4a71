using ItaSurvey.Web.Data;
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
    : BackgroundService
{
    public const string Lease = "score-snapshots";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }
        await Task.Yield(); // never hold up the host's start
        try
        {
            await Task.Delay(settings.StartDelay, stoppingToken);
            using var timer = new PeriodicTimer(settings.Interval, clock);
            do
            {
                await PassAsync(settings.Interval, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: another instance may take the work at its next tick.
            await ReleaseAsync();
        }
    }

    private async Task PassAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            await leases.RunIfHeldAsync(Lease, interval, async cancellationToken =>
            {
                var count = await refresher.RefreshStaleAsync(cancellationToken);
                if (count > 0)
                {
                    log.LogInformation("Refreshed the score snapshots of {Count} rounds", count);
                }
            }, stoppingToken);
            // The cross-agency overview's default view, ready before anyone asks (cheap when nothing changed).
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AgencyOverview>().WarmAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "The score snapshot refresh failed; it runs again at the next interval");
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await leases.ReleaseAsync(Lease);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "The score snapshot lease was not released; another instance takes it when it expires");
        }
    }
}
