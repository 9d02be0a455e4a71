using ItaSurvey.Web.Data;
using ItaSurvey.Web.Hosting;
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
    : PeriodicWorkService<LinkCheckOptions>(Lease, "OIT link check pass", options, leases, clock, log)
{
    public const string Lease = "oit-link-check";

    protected override async Task PassAsync(LinkCheckOptions settings, CancellationToken stoppingToken)
    {
        await Leases.RunIfHeldAsync(Lease, settings.Interval, async cancellationToken =>
        {
            var startedAt = Clock.GetUtcNow().UtcDateTime;
            var total = 0;
            int count;
            do
            {
                count = await checker.CheckDueAsync(startedAt, cancellationToken);
                total += count;
            }
            // A long pass renews its lease batch by batch, and ends if another instance took it.
            while (count == settings.BatchSize
                && await Leases.TryAcquireAsync(Lease, settings.Interval * WorkLeases.PeriodsPerLease, cancellationToken));
            if (total > 0)
            {
                Log.LogInformation("Checked {Count} OIT evidence links", total);
            }
        }, stoppingToken);
    }
}
