using ItaSurvey.Web.Data;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Oit;

/// <summary>
/// Runs the OIT link check in the background: a first pass after the start delay, then one pass
/// per interval, each going batch after batch until nothing is due. Pages never wait for it.
/// With several instances on one database only the holder of the lease checks (once per
/// interval in all); it renews the lease before each batch and stops if it lost it.
/// </summary>
public sealed class LinkCheckService(OitLinkChecker checker, WorkLeases leases, IOptions<LinkCheckOptions> options, TimeProvider clock,
    ILogger<LinkCheckService> log)
    : BackgroundService
{
    public const string Lease = "oit-link-check";

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
                await PassAsync(settings, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: another instance may take the work at its next tick.
            await ReleaseAsync();
        }
    }

    private async Task PassAsync(LinkCheckOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            await leases.RunIfHeldAsync(Lease, settings.Interval, async cancellationToken =>
            {
                var startedAt = clock.GetUtcNow().UtcDateTime;
                var total = 0;
                int count;
                do
                {
                    count = await checker.CheckDueAsync(startedAt, cancellationToken);
                    total += count;
                }
                // A long pass renews its lease batch by batch, and ends if another instance took it.
                while (count == settings.BatchSize
                    && await leases.TryAcquireAsync(Lease, settings.Interval * WorkLeases.PeriodsPerLease, cancellationToken));
                if (total > 0)
                {
                    log.LogInformation("Checked {Count} OIT evidence links", total);
                }
            }, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "The OIT link check pass failed; it runs again at the next interval");
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
            log.LogWarning(e, "The OIT link check lease was not released; another instance takes it when it expires");
        }
    }
}
