using ItaSurvey.Web.Data;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Hosting;

/// <summary>
/// A job run in the background: a first pass after the start delay, then one per interval (on the
/// app clock). Pages never wait for it. A failed pass is logged and the next interval tries again.
/// With several instances on one database the job guards its work with the lease
/// <paramref name="lease"/> (<see cref="WorkLeases.RunIfHeldAsync"/>); on shutdown that lease is given
/// up so another instance may take the work at its next tick. <paramref name="work"/> names one pass
/// in the log ("score snapshot refresh").
/// </summary>
public abstract class PeriodicWorkService<TOptions>(string lease, string work, IOptions<TOptions> options, WorkLeases leases,
    TimeProvider clock, ILogger log)
    : BackgroundService
    where TOptions : class, IPeriodicWorkOptions
{
    /// <summary>The leases shared by the instances on the database, for the pass to hold and renew its own.</summary>
    protected WorkLeases Leases { get; } = leases;

    /// <summary>The app clock the interval runs on.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The derived job's logger.</summary>
    protected ILogger Log { get; } = log;

    /// <summary>One pass; <paramref name="stoppingToken"/> ends it when the host stops.</summary>
    protected abstract Task PassAsync(TOptions settings, CancellationToken stoppingToken);

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
            using var timer = new PeriodicTimer(settings.Interval, Clock);
            do
            {
                await RunPassAsync(settings, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: another instance may take the work at its next tick.
            await ReleaseAsync();
        }
    }

    private async Task RunPassAsync(TOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            await PassAsync(settings, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Log.LogError(e, "The {Work} failed; it runs again at the next interval", work);
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await Leases.ReleaseAsync(lease);
        }
        catch (Exception e)
        {
            Log.LogWarning(e, "The {Lease} lease was not released; another instance takes it when it expires", lease);
        }
    }
}
