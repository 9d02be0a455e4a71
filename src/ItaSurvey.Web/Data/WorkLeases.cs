using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Data;

/// <summary>Who runs a piece of periodic work across instances, and until when (table <c>WorkLeases</c>).</summary>
public sealed class WorkLease
{
    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";

    public DateTime ExpiresAt { get; set; }
}

/// <summary>
/// Leases in the shared database, so that periodic work (score snapshots, the OIT link check)
/// runs on one instance per period however many serve the app. A lease is taken or renewed by
/// one conditional statement, which the database applies atomically on SQLite and PostgreSQL
/// alike: an UPDATE where the row is this instance's or has expired, else an INSERT that does
/// nothing if another instance inserted first. The holder keeps the lease by renewing it before
/// each run; an instance that stops holding it (stopped, crashed) is replaced once it expires.
/// </summary>
public sealed class WorkLeases(IDbContextFactory<ItaDbContext> databases, TimeProvider clock, ILogger<WorkLeases> log)
{
    /// <summary>
    /// How long a lease lasts past each renewal, in periods of its work: a holder that ticks a
    /// little late keeps it, and a holder that stopped is replaced within two periods.
    /// </summary>
    public const int PeriodsPerLease = 2;

    /// <summary>This instance, as written in the lease rows: host, process and a random part (two hosts in one process differ).</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Takes or renews the lease <paramref name="name"/> for <paramref name="duration"/>: true
    /// when this instance holds it now, false when another instance's lease has not expired.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + duration;
        var holder = Holder;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var renewed = await db.WorkLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        if (renewed == 1)
        {
            return true;
        }
        // No row yet (the first run ever): the first instance to insert it holds the lease.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "WorkLeases" ("Name", "Holder", "ExpiresAt") VALUES ({name}, {holder}, {expires}) ON CONFLICT ("Name") DO NOTHING""",
            cancellationToken);
        return inserted == 1;
    }

    /// <summary>
    /// Runs one period's work if this instance holds the lease <paramref name="name"/> or takes it
    /// (for <see cref="PeriodsPerLease"/> periods); true when the work ran here.
    /// </summary>
    public async Task<bool> RunIfHeldAsync(string name, TimeSpan period, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (!await TryAcquireAsync(name, period * PeriodsPerLease, cancellationToken))
        {
            log.LogDebug("Periodic work {Work} skipped: another instance holds its lease", name);
            return false;
        }
        log.LogDebug("Periodic work {Work} runs on {Holder}", name, Holder);
        await work(cancellationToken);
        return true;
    }

    /// <summary>Gives the lease up (on shutdown), so another instance takes it at its next tick instead of after expiry.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var holder = Holder;
        var past = DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.WorkLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, past), cancellationToken);
    }
}
