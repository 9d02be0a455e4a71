using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Dashboards;

/// <summary>
/// Re-scores, in the background, the rounds whose responses or OIT answers changed since their
/// snapshot: a first pass after the start delay, then one per interval. Pages never wait for it.
/// </summary>
public sealed class SnapshotService(SnapshotRefresher refresher, IOptions<SnapshotOptions> options, TimeProvider clock, ILogger<SnapshotService> log,
    IServiceScopeFactory scopes)
    : BackgroundService
{
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
                await PassAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task PassAsync(CancellationToken stoppingToken)
    {
        try
        {
            var count = await refresher.RefreshStaleAsync(stoppingToken);
            if (count > 0)
            {
                log.LogInformation("Refreshed the score snapshots of {Count} rounds", count);
            }
            // The cross-agency overview's default view, ready before anyone asks (cheap when nothing changed).
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AgencyOverview>().WarmAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "The score snapshot refresh failed; it runs again at the next interval");
        }
    }
}
