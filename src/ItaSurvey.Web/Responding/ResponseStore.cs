using ItaSurvey.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Responding;

public enum StoreOutcome
{
    Stored,

    /// <summary>A response with the same submission key exists: a resubmit or double tap.</summary>
    DuplicateSubmission,

    /// <summary>The single-use code was used (or is unknown) by the time of the commit.</summary>
    AccessCodeUsed,
}

/// <summary>
/// Stores a response. The outcome is reported only after the commit, so an acknowledged response
/// is on disk. Uniqueness comes from the database: the submission key's unique index and a
/// conditional update of the single-use code, both in one transaction.
/// </summary>
public sealed class ResponseStore(IDbContextFactory<ItaDbContext> databases)
{
    public async Task<StoreOutcome> StoreAsync(Response response, string? accessCode, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Responses.Add(response);
        try
        {
            // The response goes in first: a double tap then meets the unique key and is told its
            // answers were received, rather than that its code was used.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return StoreOutcome.DuplicateSubmission;
        }
        if (accessCode is not null)
        {
            var marked = await db.AccessCodes
                .Where(c => c.Code == accessCode && c.RoundId == response.RoundId && !c.Used)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Used, true), cancellationToken);
            if (marked == 0)
            {
                return StoreOutcome.AccessCodeUsed; // disposing rolls the response back
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return StoreOutcome.Stored;
    }

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };
}
