using System.Threading.Channels;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Formatting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Responding;

public enum StoreOutcome
{
    Stored,

    /// <summary>A response with the same submission key exists: a resubmit or double tap.</summary>
    DuplicateSubmission,

    /// <summary>The single-use code was used (or is unknown) by the time of the commit.</summary>
    AccessCodeUsed,

    /// <summary>
    /// The database refused the commit (a full disk, a locked or unreachable database): nothing
    /// of it was stored, and the respondent may send the same form again.
    /// </summary>
    NotSaved,
}

/// <summary>
/// Stores responses with group commit: submissions queue up and one writer commits whatever has
/// arrived in a single transaction, so with SQLite's synchronous=FULL a burst of 64 costs one
/// disk sync instead of 64. Each caller's task completes only after the commit that holds its
/// response, so an acknowledged response is on disk. Uniqueness rests on the database: the
/// submission key's unique index and a conditional update of the single-use code.
/// </summary>
public sealed class ResponseStore(IDbContextFactory<ItaDbContext> databases, DatabaseWrites writes, IOptions<DatabaseOptions> options,
    IOptions<RespondingOptions> responding, TimeProvider clock, ILogger<ResponseStore> log) : BackgroundService
{
    private const int MaxBatch = 256;

    // The last Thai date whose earlier days' window counters are known to be ranked.
    private DateOnly _rankedBefore = DateOnly.MinValue;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public async Task<StoreOutcome> StoreAsync(Response response, string? accessCode, CancellationToken cancellationToken)
    {
        var pending = new Pending(response, accessCode);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        // Not cancellable once queued: the commit may already be under way.
        return await pending.Outcome.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        // Keep draining after the stop signal: requests in flight are waiting on their commit.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            await WriteAsync(batch);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var outcomes = await CommitBatchAsync(batch);
            writes.Succeeded();
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(outcomes[i]);
            }
            // After the answers are out, so that nobody waits for it; only when the database writes.
            await RankFinishedDaysAsync();
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // Another instance stored one of these keys between our check and our insert: retry one by one.
            foreach (var pending in batch)
            {
                await WriteOneAsync(pending);
            }
        }
        catch (Exception e)
        {
            log.LogError(e, "A batch of {Count} responses could not be stored", batch.Count);
            writes.Failed(e);
            batch.ForEach(p => p.Outcome.TrySetResult(StoreOutcome.NotSaved));
            // What queued up meanwhile would wait a whole write timeout more for the same answer
            // (a locked or full database): it gets "send again" now.
            while (_queue.Reader.TryRead(out var waiting))
            {
                waiting.Outcome.TrySetResult(StoreOutcome.NotSaved);
            }
        }
    }

    private async Task WriteOneAsync(Pending pending)
    {
        try
        {
            pending.Outcome.TrySetResult((await CommitBatchAsync([pending]))[0]);
            writes.Succeeded();
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            pending.Outcome.TrySetResult(StoreOutcome.DuplicateSubmission);
        }
        catch (Exception e)
        {
            log.LogError(e, "A response could not be stored");
            writes.Failed(e);
            pending.Outcome.TrySetResult(StoreOutcome.NotSaved);
        }
    }

    private async Task<StoreOutcome[]> CommitBatchAsync(IReadOnlyList<Pending> batch)
    {
        await using var db = await databases.CreateDbContextAsync();
        await DatabaseSetup.LimitWaitAsync(db, options.Value.WriteTimeout, CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var keys = batch.Select(p => p.Response.SubmissionKey).ToList();
        var taken = (await db.Responses.Where(r => keys.Contains(r.SubmissionKey)).Select(r => r.SubmissionKey).ToListAsync()).ToHashSet();
        var outcomes = new StoreOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var (response, accessCode) = (batch[i].Response, batch[i].AccessCode);
            // The key is checked before the code, so a double tap is told its answers arrived,
            // not that its code was used.
            if (!taken.Add(response.SubmissionKey))
            {
                outcomes[i] = StoreOutcome.DuplicateSubmission;
                continue;
            }
            if (accessCode is not null && await db.AccessCodes
                    .Where(c => c.Code == accessCode && c.RoundId == response.RoundId && !c.Used)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Used, true)) == 0)
            {
                outcomes[i] = StoreOutcome.AccessCodeUsed;
                continue;
            }
            db.Responses.Add(response);
            outcomes[i] = StoreOutcome.Stored;
        }
        if (responding.Value.QualitySignals)
        {
            await SubmissionWindowCounts.AddAsync(db, batch.Where((_, i) => outcomes[i] == StoreOutcome.Stored).Select(p => p.Response), ThaiCalendar.Now(clock));
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return outcomes;
    }

    /// <summary>
    /// The first batch of a new day, once committed, ranks the finished days' window counters, so that their times
    /// of day are gone. Its own transaction, and a failure only means trying again with the next batch.
    /// </summary>
    private async Task RankFinishedDaysAsync()
    {
        var today = ThaiCalendar.Today(clock);
        if (today <= _rankedBefore)
        {
            return;
        }
        try
        {
            await using var db = await databases.CreateDbContextAsync();
            await DatabaseSetup.LimitWaitAsync(db, options.Value.WriteTimeout, CancellationToken.None);
            await SubmissionWindowCounts.RankFinishedDaysAsync(db, today, CancellationToken.None);
            _rankedBefore = today;
        }
        catch (Exception e)
        {
            log.LogWarning(e, "The finished days' submission windows could not be ranked now; the next batch tries again");
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) => DatabaseSetup.IsUniqueViolation(e);

    private sealed record Pending(Response Response, string? AccessCode)
    {
        public TaskCompletionSource<StoreOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
