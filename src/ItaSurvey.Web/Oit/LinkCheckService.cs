using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Oit;

/// <summary>
/// Runs the OIT link check in the background: a first pass after the start delay, then one pass
/// per interval, each going batch after batch until nothing is due. Pages never wait for it.
/// </summary>
public sealed class LinkCheckService(OitLinkChecker checker, IOptions<LinkCheckOptions> options, TimeProvider clock, ILogger<LinkCheckService> log)
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
            // Real time: the delay is about the process having just started, whatever the app clock says.
            await Task.Delay(settings.StartDelay, stoppingToken);
            using var timer = new PeriodicTimer(settings.Interval, clock);
            do
            {
                await PassAsync(settings.BatchSize, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task PassAsync(int batchSize, CancellationToken stoppingToken)
    {
        try
        {
            var startedAt = clock.GetUtcNow().UtcDateTime;
            var total = 0;
            int count;
            do
            {
                count = await checker.CheckDueAsync(startedAt, stoppingToken);
                total += count;
            }
            while (count == batchSize);
            if (total > 0)
            {
                log.LogInformation("Checked {Count} OIT evidence links", total);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "The OIT link check pass failed; it runs again at the next interval");
        }
    }
}
