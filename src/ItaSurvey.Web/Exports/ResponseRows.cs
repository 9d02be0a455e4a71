using System.Runtime.CompilerServices;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Exports;

/// <summary>One stored response as exported. IIT rows carry no date.</summary>
public sealed record ResponseRow(DateOnly? SubmittedOn, string? RespondentGroup, byte[] Answers);

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
        var responses = db.Responses.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Instrument == layout.Instrument && r.FormVersion == layout.Fingerprint)
            .OrderBy(r => r.Id).Take(checked((int)released));
        // IIT staff answer about their own superiors: their rows are sorted by the answers
        // themselves and carry no date, so neither the order nor a date can be matched to who
        // answered when. EIT rows keep the order of arrival and the date.
        var rows = layout.Instrument == ResponseExports.Iit
            ? responses.OrderBy(r => r.Answers).Select(r => new ResponseRow(null, null, r.Answers))
            : responses.OrderBy(r => r.Id).Select(r => new ResponseRow(r.SubmittedOn, r.RespondentGroup, r.Answers));
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
