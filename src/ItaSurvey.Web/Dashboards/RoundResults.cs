using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Responding;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Dashboards;

/// <summary>A round scored from its stored responses and OIT evidence.</summary>
public sealed record RoundResult(
    int RoundId,
    int AgencyId,
    int FiscalYear,
    AssessmentResult Assessment,
    IReadOnlyDictionary<string, long> Responses,
    int IitMinimum,
    int? EitMinimum,
    long SkippedResponses,
    IReadOnlySet<string> Withheld,
    int MinimumResponses)
{
    /// <summary>The plain message shown in place of a withheld figure.</summary>
    public LocalizedText WithheldMessage => Privacy.Message(MinimumResponses);

    /// <summary>True when an instrument's scores are withheld because too few people answered to keep them anonymous.</summary>
    public bool IsWithheld(string instrument) => Withheld.Contains(instrument);

    /// <summary>Responses received for an instrument ("IIT", "EIT").</summary>
    public long ResponsesOf(string instrument) => Responses.GetValueOrDefault(instrument);
}

/// <summary>
/// Scores rounds: tallies every stored response (one byte per answer field, read as stored) and
/// the OIT checklist, then lets Core do the ITA arithmetic. Responses stored under another
/// answer layout than the year's current one are counted as skipped, never misread.
/// </summary>
public sealed class RoundResults(IDbContextFactory<ItaDbContext> databases, QuestionnaireCache questionnaires, SurveyCatalog catalog,
    Microsoft.Extensions.Options.IOptions<DashboardOptions> options)
{
    /// <summary>k of the privacy rule: fewer responses than this and a figure is withheld.</summary>
    public int MinimumResponses => options.Value.MinimumResponses;

    public async Task<RoundResult?> ForRoundAsync(int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Agency).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var year = catalog.Year(round.FiscalYear);
        var tallies = new Dictionary<string, AnswerTally>(StringComparer.Ordinal);
        foreach (var instrument in Rounds.RoundAdmin.LinkedInstruments)
        {
            tallies[instrument] = questionnaires.For(round.FiscalYear, instrument).NewTally();
        }

        long skipped = 0;
        var rows = db.Responses.AsNoTracking().Where(r => r.RoundId == roundId)
            .Select(r => new { r.Instrument, r.FormVersion, r.Answers })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (tallies.TryGetValue(row.Instrument, out var tally) && tally.Questionnaire.Fingerprint == row.FormVersion)
            {
                tally.Add(row.Answers);
            }
            else
            {
                skipped++;
            }
        }

        var oit = questionnaires.For(round.FiscalYear, "OIT").NewTally();
        var evidence = await db.OitEvidence.AsNoTracking().Where(e => e.RoundId == roundId && e.Present != null)
            .Select(e => new { e.ItemCode, e.Present }).ToListAsync(cancellationToken);
        foreach (var item in evidence.Where(e => oit.Questionnaire.FieldIndex(e.ItemCode) >= 0))
        {
            oit.Add(item.ItemCode, item.Present == true ? 1 : 0, 1); // YN: 0 = ไม่มี, 1 = มี
        }

        // Fewer than k respondents could be singled out: their instrument is scored as if empty,
        // so no page, export or API call built on this result can show their answers.
        var withheld = tallies.Where(t => t.Value.Responses > 0 && Privacy.Withhold(t.Value.Responses, MinimumResponses)).Select(t => t.Key).ToHashSet();
        var scored = tallies.Select(t => withheld.Contains(t.Key) ? t.Value.Questionnaire.NewTally() : t.Value);
        var assessment = AssessmentScorer.Score(year.Model, [.. scored, oit]);
        return new RoundResult(round.Id, round.AgencyId, round.FiscalYear, assessment,
            tallies.ToDictionary(t => t.Key, t => t.Value.Responses),
            year.Model.MinimumSample.Iit.MinimumFor(round.Agency.StaffHeadcount),
            year.Model.MinimumSample.Eit.MinimumFor(round.Agency.AgencyGroup),
            skipped,
            withheld,
            MinimumResponses);
    }
}
