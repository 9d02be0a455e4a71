using System.Runtime.CompilerServices;
using ItaSurvey.Core.Quality;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Exports;

/// <summary>One stored response as exported, with its stored quality signals (classes only). IIT rows carry no date.</summary>
public sealed record ResponseRow(DateOnly? SubmittedOn, string? RespondentGroup, byte[] Answers, ResponseSignal Signals);

/// <summary>
/// Reads a round's responses to one instrument from the database as they are exported: no
/// tracking, no buffering, one row at a time. Only responses stored under the questionnaire's
/// current answer layout are read.
/// </summary>
public sealed class ResponseRows(IDbContextFactory<ItaDbContext> databases)
{
    /// <param name="roundId">The round.</param>
    /// <param name="layout">The instrument's current answer layout.</param>
    /// <param name="released">How many responses, oldest first, may be exported (the release rule).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public async IAsyncEnumerable<ResponseRow> ReadAsync(int roundId, CompiledQuestionnaire layout, long released,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var responses = Released(db, roundId, layout, released);
        // IIT staff answer about their own superiors: their rows are sorted by the answers
        // themselves (then by their signals, never by arrival among equal answers) and carry no
        // date, so neither the order nor a date can be matched to who answered when. EIT rows keep
        // the order of arrival and the date.
        var rows = layout.Instrument == ResponseExports.Iit
            ? responses.OrderBy(r => r.Answers).ThenBy(r => r.Signals).Select(r => new ResponseRow(null, null, r.Answers, r.Signals))
            : responses.OrderBy(r => r.Id).Select(r => new ResponseRow(r.SubmittedOn, r.RespondentGroup, r.Answers, r.Signals));
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>
    /// The answer vectors given by at least <see cref="DuplicateAnswers.MinimumCopies"/> of the same
    /// released responses, with how many gave each: grouped by the database, so only repeated
    /// vectors (few, in an honest round) reach memory.
    /// </summary>
    public async Task<List<(byte[] Answers, int Copies)>> RepeatedAsync(int roundId, CompiledQuestionnaire layout, long released,
        CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var groups = await Released(db, roundId, layout, released)
            .GroupBy(r => r.Answers).Where(g => g.Count() >= DuplicateAnswers.MinimumCopies)
            .Select(g => new { g.Key, Copies = g.Count() }).ToListAsync(cancellationToken);
        return groups.ConvertAll(g => (g.Key, g.Copies));
    }

    /// <summary>The responses an export may hold: the current answer layout, oldest first, as many as the release rule lets out.</summary>
    private static IQueryable<Responding.Response> Released(ItaDbContext db, int roundId, CompiledQuestionnaire layout, long released) =>
        db.Responses.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Instrument == layout.Instrument && r.FormVersion == layout.Fingerprint)
            .OrderBy(r => r.Id).Take(checked((int)released));
}
