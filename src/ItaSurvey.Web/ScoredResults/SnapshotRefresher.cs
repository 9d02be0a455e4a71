using System.Text.Json;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.ScoredResults;

/// <summary>
/// Keeps <see cref="RoundScoreSnapshot"/> rows in step with what the rounds would score now. A
/// round is stale when it has no snapshot, or its responses (highest id, count), its OIT answers
/// (a fingerprint of which items are มี/ไม่มี), its year or agency, or the privacy rule's k
/// differ from what the snapshot was computed from.
/// </summary>
public sealed class SnapshotRefresher(IDbContextFactory<ItaDbContext> databases, RoundResults results, SurveyLibrary surveys, IOptions<DashboardOptions> options, TimeProvider clock,
    ILogger<SnapshotRefresher> logger)
{
    /// <summary>
    /// Raised whenever the figures made from the same responses change: 2 is the release rule
    /// (IIT in blocks of k while a round is open); 3 the EIT's flagged count (issue 16).
    /// </summary>
    public const int RulesVersion = 3;

    /// <summary>What a round's inputs look like now, read in one cheap query.</summary>
    private sealed record RoundMarks(int RoundId, int AgencyId, int FiscalYear, long LastResponseId, long ResponseCount, long OitMark, DateOnly ClosesOn);

    /// <summary>The ids of rounds whose snapshot is missing or out of date.</summary>
    public async Task<IReadOnlyList<int>> StaleRoundsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var marks = await MarksAsync(db, null, cancellationToken);
        var snapshots = await db.RoundScoreSnapshots.AsNoTracking()
            .Select(s => new { s.RoundId, s.AgencyId, s.FiscalYear, s.LastResponseId, s.ResponseCount, s.OitMark, s.MinimumResponses, s.ComputedAt, s.RulesVersion })
            .ToDictionaryAsync(s => s.RoundId, cancellationToken);
        var k = options.Value.MinimumResponses;
        var today = ThaiCalendar.Today(clock);
        return marks.Where(m => !snapshots.TryGetValue(m.RoundId, out var s)
                || s.AgencyId != m.AgencyId || s.FiscalYear != m.FiscalYear || s.LastResponseId != m.LastResponseId
                || s.ResponseCount != m.ResponseCount || s.OitMark != m.OitMark || s.MinimumResponses != k || s.RulesVersion != RulesVersion
                // Computed while the round was open, which holds IIT back (Privacy.Released): closing changes the scores.
                || (m.ClosesOn < today && ThaiCalendar.DateOf(s.ComputedAt) <= m.ClosesOn))
            .Select(m => m.RoundId).ToList();
    }

    /// <summary>Re-scores every stale round; returns how many were refreshed.</summary>
    public async Task<int> RefreshStaleAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        foreach (var roundId in await StaleRoundsAsync(cancellationToken))
        {
            // One round that cannot be scored must not stop the others.
            try
            {
                if (await RefreshAsync(roundId, cancellationToken) is not null)
                {
                    count++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not refresh the score snapshot of round {RoundId}", roundId);
            }
        }
        return count;
    }

    /// <summary>Scores one round now and stores its snapshot; null when there is no such round.</summary>
    public async Task<RoundScoreSnapshot?> RefreshAsync(int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // The marks are read before scoring: anything arriving meanwhile leaves the snapshot stale, never wrongly fresh.
        var marks = (await MarksAsync(db, roundId, cancellationToken)).SingleOrDefault();
        var result = marks is null ? null : await results.ForRoundAsync(roundId, cancellationToken);
        if (marks is null || result is null)
        {
            return null;
        }
        var assessment = result.Assessment;
        var snapshot = await db.RoundScoreSnapshots.SingleOrDefaultAsync(s => s.RoundId == roundId, cancellationToken);
        var isNew = snapshot is null;
        snapshot ??= new RoundScoreSnapshot { RoundId = roundId, Indicators = "{}" };
        snapshot.AgencyId = marks.AgencyId;
        snapshot.FiscalYear = marks.FiscalYear;
        snapshot.Total = assessment.Total;
        snapshot.RatingCode = assessment.Rating?.Code;
        snapshot.Iit = assessment.Instruments.FirstOrDefault(i => i.Code == "IIT")?.Score;
        snapshot.Eit = assessment.Instruments.FirstOrDefault(i => i.Code == "EIT")?.Score;
        snapshot.Oit = assessment.Instruments.FirstOrDefault(i => i.Code == "OIT")?.Score;
        snapshot.Indicators = JsonSerializer.Serialize(assessment.Indicators.ToDictionary(i => i.Code, i => i.Score));
        if (await db.Rounds.Where(r => r.Id == roundId).Select(r => r.SurveyVersionId).SingleOrDefaultAsync(cancellationToken) is { } versionId)
        {
            (snapshot.EitChecked, snapshot.EitFlagged) = await RoundQualities.EitFlaggedAsync(db, surveys, roundId, versionId, cancellationToken);
        }
        snapshot.IitResponses = result.ResponsesOf("IIT");
        snapshot.EitResponses = result.ResponsesOf("EIT");
        snapshot.LastResponseId = marks.LastResponseId;
        snapshot.ResponseCount = marks.ResponseCount;
        snapshot.OitMark = marks.OitMark;
        snapshot.MinimumResponses = result.MinimumResponses;
        snapshot.RulesVersion = RulesVersion;
        snapshot.ComputedAt = clock.GetUtcNow().UtcDateTime;
        if (isNew)
        {
            db.RoundScoreSnapshots.Add(snapshot);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (isNew && DatabaseSetup.IsUniqueViolation(e))
        {
            // Another instance stored this round's snapshot a moment ago; the next pass compares it again.
            return null;
        }
        return snapshot;
    }

    /// <summary>Indicator scores stored in a snapshot, by code.</summary>
    public static IReadOnlyDictionary<string, double?> IndicatorsOf(RoundScoreSnapshot snapshot) =>
        JsonSerializer.Deserialize<Dictionary<string, double?>>(snapshot.Indicators) ?? [];

    private static async Task<List<RoundMarks>> MarksAsync(ItaDbContext db, int? roundId, CancellationToken cancellationToken)
    {
        var rounds = db.Rounds.AsNoTracking();
        if (roundId is { } id)
        {
            rounds = rounds.Where(r => r.Id == id);
        }
        // OitMark: a sum of per-item hashes of (evidence id, มี/ไม่มี); answering, changing or
        // clearing any item changes it. Kept below 2^63 for 43 items by the modulus.
        return await rounds.Select(r => new RoundMarks(
                r.Id,
                r.AgencyId,
                r.FiscalYear,
                db.Responses.Where(x => x.RoundId == r.Id).Max(x => (long?)x.Id) ?? 0,
                db.Responses.LongCount(x => x.RoundId == r.Id),
                db.OitEvidence.Where(e => e.RoundId == r.Id && e.Present != null)
                    .Sum(e => (((long)e.Id * 2) + (e.Present == true ? 1 : 0)) * 2654435761L % 1000000007L),
                r.ClosesOn))
            .ToListAsync(cancellationToken);
    }
}
