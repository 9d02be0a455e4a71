using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Data;

/// <summary>One row that the readiness check rewrites: a commit that reaches the disk.</summary>
public sealed class WriteProbe
{
    public int Id { get; set; }

    public long Writes { get; set; }
}

/// <summary>
/// What the writers of the database saw last. A full disk or a locked file fails writes while
/// reads, and a check that only connects, still succeed: the response store reports here, so
/// that readiness can say "not ready" at once.
/// </summary>
public sealed class DatabaseWrites(TimeProvider clock)
{
    /// <summary>How long a failed write alone keeps the app not ready, without a new failure.</summary>
    public static readonly TimeSpan FailureMemory = TimeSpan.FromSeconds(30);

    // One reference, swapped whole: the store writes it, readiness reads it, on other threads.
    private volatile Failure? _last;

    /// <summary>One readiness probe at a time: while the database is locked, probes would otherwise pile up.</summary>
    public SemaphoreSlim Probing { get; } = new(1, 1);

    public void Succeeded() => _last = null;

    public void Failed(Exception error) => _last = new Failure(clock.GetUtcNow(), error.GetBaseException().GetType().Name);

    /// <summary>The kind of the last failure, while it is recent and no write has succeeded since.</summary>
    public string? RecentFailure => _last is { } last && clock.GetUtcNow() - last.At < FailureMemory ? last.Kind : null;

    private sealed record Failure(DateTimeOffset At, string Kind);
}

/// <summary>
/// Readiness: commits a write (one row's counter) and reports whether writes have been failing,
/// so a load balancer takes an instance whose database cannot store responses out of rotation,
/// and back once a write succeeds.
/// </summary>
public sealed class WritableDatabaseCheck(IDbContextFactory<ItaDbContext> databases, DatabaseWrites writes, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await writes.Probing.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The previous write probe has not finished: the database is locked or slow.");
        }
        try
        {
            await ProbeAsync(options.Value.WriteTimeout, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database does not accept writes: " + e.GetBaseException().Message);
        }
        finally
        {
            writes.Probing.Release();
        }
        return writes.RecentFailure is { } failure
            ? HealthCheckResult.Unhealthy($"Storing responses failed moments ago ({failure}).")
            : HealthCheckResult.Healthy();
    }

    private async Task ProbeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await DatabaseSetup.LimitWaitAsync(db, timeout, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.WriteProbes.Where(p => p.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(p => p.Writes, p => p.Writes + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
