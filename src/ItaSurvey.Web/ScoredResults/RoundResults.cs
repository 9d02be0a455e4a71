using System.Data;
using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ItaSurvey.Web.ScoredResults;

/// <summary>A round scored from its stored responses and OIT evidence, under <paramref name="Definitions"/> (the version it is pinned to, unless asked otherwise).</summary>
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
    int MinimumResponses,
    IReadOnlyDictionary<string, long> Scored,
    SurveyYear Definitions)
{
    /// <summary>Responses an instrument's figures include: fewer than received while an open round holds IIT back (see <see cref="Privacy.Released"/>).</summary>
    public long ScoredOf(string instrument) => Scored.GetValueOrDefault(instrument);

    /// <summary>Why an instrument's figures leave out responses or are withheld; null when they include every response.</summary>
    public LocalizedText? HeldBack(string instrument) =>
        ScoredOf(instrument) < ResponsesOf(instrument) && ResponsesOf(instrument) >= MinimumResponses
            ? Privacy.HeldBackMessage(ScoredOf(instrument), ResponsesOf(instrument), MinimumResponses)
            : null;

    /// <summary>The message in place of an instrument's withheld figures.</summary>
    public LocalizedText WithheldMessageOf(string instrument) => HeldBack(instrument) ?? WithheldMessage;

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
public sealed class RoundResults(IDbContextFactory<ItaDbContext> databases, SurveyLibrary surveys,
    Microsoft.Extensions.Options.IOptions<DashboardOptions> options, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>How long an unused analysis stays cached; any new response or OIT answer replaces it sooner.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    /// <summary>k of the privacy rule: fewer responses than this and a figure is withheld.</summary>
    public int MinimumResponses => options.Value.MinimumResponses;

    /// <summary>The round's scores, or null when there is no such round.</summary>
    public async Task<RoundResult?> ForRoundAsync(int roundId, CancellationToken cancellationToken = default) =>
        (await AnalyzeAsync(roundId, cancellationToken))?.Result;

    /// <summary>
    /// The round's scores together with each instrument's answer counts and per-respondent
    /// scores (confidence intervals, consistency, year-over-year tests): one pass over the responses.
    /// </summary>
    /// <remarks>
    /// The analysis is cached under the round's state (how many responses, the newest one, the
    /// OIT answers), so the dashboard, its charts and the previous year's comparison read the
    /// responses once until something changes. The state is read before the responses: a response
    /// stored in between is in the analysis, and the next call sees a new state and recounts.
    /// </remarks>
    public async Task<RoundAnalysis?> AnalyzeAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var state = await StateAsync(roundId, cancellationToken);
        if (cache.TryGetValue(state, out RoundAnalysis? cached))
        {
            return cached;
        }
        var analysis = state.VersionId is not { } version ? null
            : await ScoreAsync(roundId, state.Open, surveys.Version(version).Year, instrument => surveys.Compiled(version, instrument), cancellationToken);
        if (analysis is not null)
        {
            cache.Set(state, analysis, new MemoryCacheEntryOptions { SlidingExpiration = CacheFor });
        }
        return analysis;
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = (name, value);
        command.Parameters.Add(parameter);
    }

    // Everything an analysis depends on: the responses, the OIT answers, whether the round is
    // still open (the release rule), and the agency's headcount and group (the minimum samples).
    private sealed record RoundState(int RoundId, int? VersionId, bool Open, int Headcount, string Group, long Responses, long NewestResponse, string Oit);

    private async Task<RoundState> StateAsync(int roundId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.Where(r => r.Id == roundId)
            .Select(r => new { r.SurveyVersionId, r.ClosesOn, r.Agency.StaffHeadcount, r.Agency.AgencyGroup }).SingleOrDefaultAsync(cancellationToken);
        var responses = db.Responses.Where(r => r.RoundId == roundId);
        var count = await responses.LongCountAsync(cancellationToken);
        var newest = count == 0 ? 0 : await responses.MaxAsync(r => r.Id, cancellationToken);
        var oit = await db.OitEvidence.Where(e => e.RoundId == roundId && e.Present != null).OrderBy(e => e.ItemCode)
            .Select(e => e.ItemCode + (e.Present == true ? "+" : "-")).ToListAsync(cancellationToken);
        // The version is part of the state: a round re-pinned to another version is scored again.
        return new RoundState(roundId, round?.SurveyVersionId, round is not null && round.ClosesOn >= ThaiCalendar.Today(clock),
            round?.StaffHeadcount ?? 0, round?.AgencyGroup ?? "", count, newest, string.Join(",", oit));
    }

    /// <summary>
    /// The round scored under other definitions than its own (a draft, or a version it may be
    /// re-pinned to): not cached. The definitions must keep the round's answer layout for its
    /// responses to be counted; responses under another layout are reported as skipped.
    /// </summary>
    public async Task<RoundAnalysis?> ScoreUnderAsync(int roundId, SurveyYear definitions, CancellationToken cancellationToken = default)
    {
        var state = await StateAsync(roundId, cancellationToken);
        var compiled = definitions.Model.Instruments.ToDictionary(i => i.Code, i => new CompiledQuestionnaire(definitions.Model, definitions.Questionnaire(i.Code)));
        return state.VersionId is null ? null : await ScoreAsync(roundId, state.Open, definitions, instrument => compiled[instrument], cancellationToken);
    }

    private async Task<RoundAnalysis?> ScoreAsync(int roundId, bool open, SurveyYear year, Func<string, CompiledQuestionnaire> questionnaires, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Agency).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var tallies = new Dictionary<string, AnswerTally>(StringComparer.Ordinal);
        var respondents = new Dictionary<string, RespondentScores>(StringComparer.Ordinal);
        foreach (var instrument in Rounds.RoundAdmin.LinkedInstruments)
        {
            var questionnaire = questionnaires(instrument);
            tallies[instrument] = questionnaire.NewTally();
            respondents[instrument] = new RespondentScores(questionnaire);
        }

        // A plain reader into one reused buffer, one instrument and layout at a time (the index on
        // RoundId, Instrument): materialising 100,000 entities costs more than scoring them.
        var buffer = new byte[tallies.Values.Max(t => t.Questionnaire.FieldCount) + 1]; // one more: a longer row shows as too long
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        long tooShortOrLong = 0;
        var received = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (instrument, tally) in tallies)
        {
            var version = tally.Questionnaire.Fingerprint;
            received[instrument] = await db.Responses.LongCountAsync(r => r.RoundId == roundId && r.Instrument == instrument && r.FormVersion == version, cancellationToken);
            // IIT respondents are staff whom an administrator may know (slips handed out, codes seen
            // used): while the round is open their figures move only in blocks of k, oldest first.
            var released = instrument == "IIT" ? Privacy.Released(received[instrument], open, MinimumResponses) : received[instrument];
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Answers" FROM "Responses" WHERE "RoundId" = @round AND "Instrument" = @instrument AND "FormVersion" = @version ORDER BY "Id" LIMIT @released""";
            AddParameter(command, "@round", roundId);
            AddParameter(command, "@instrument", instrument);
            AddParameter(command, "@version", version);
            AddParameter(command, "@released", released);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            var width = tally.Questionnaire.FieldCount;
            var sample = respondents[instrument];
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetBytes(0, 0, buffer, 0, buffer.Length) == width)
                {
                    var answers = buffer.AsSpan(0, width);
                    tally.Add(answers);
                    sample.Add(answers);
                }
                else
                {
                    tooShortOrLong++;
                }
            }
        }
        // Responses under another layout (or of another instrument) are counted, never misread.
        var (iit, eit) = (tallies["IIT"].Questionnaire.Fingerprint, tallies["EIT"].Questionnaire.Fingerprint);
        var skipped = tooShortOrLong + await db.Responses.LongCountAsync(r => r.RoundId == roundId
            && !((r.Instrument == "IIT" && r.FormVersion == iit) || (r.Instrument == "EIT" && r.FormVersion == eit)), cancellationToken);

        var oit = questionnaires("OIT").NewTally();
        var evidence = await db.OitEvidence.AsNoTracking().Where(e => e.RoundId == roundId && e.Present != null)
            .Select(e => new { e.ItemCode, e.Present }).ToListAsync(cancellationToken);
        foreach (var item in evidence.Where(e => oit.Questionnaire.FieldIndex(e.ItemCode) >= 0))
        {
            oit.Add(item.ItemCode, item.Present == true ? 1 : 0, 1); // YN: 0 = ไม่มี, 1 = มี
        }

        // Fewer than k respondents could be singled out: their instrument is scored as if empty,
        // so no page, export or API call built on this result can show their answers.
        var withheld = tallies.Where(t => received[t.Key] > 0 && Privacy.Withhold(t.Value.Responses, MinimumResponses)).Select(t => t.Key).ToHashSet();
        var scored = tallies.Select(t => withheld.Contains(t.Key) ? t.Value.Questionnaire.NewTally() : t.Value);
        var assessment = AssessmentScorer.Score(year.Model, [.. scored, oit]);
        var result = new RoundResult(round.Id, round.AgencyId, round.FiscalYear, assessment,
            received,
            year.Model.MinimumSample.Iit.MinimumFor(round.Agency.StaffHeadcount),
            year.Model.MinimumSample.Eit.MinimumFor(round.Agency.AgencyGroup),
            skipped,
            withheld,
            MinimumResponses,
            tallies.ToDictionary(t => t.Key, t => t.Value.Responses),
            year);
        var samples = respondents
            .Where(r => !withheld.Contains(r.Key))
            .ToDictionary(r => r.Key, r => new InstrumentSample(tallies[r.Key], r.Value), StringComparer.Ordinal);
        return new RoundAnalysis(result, samples, oit);
    }
}

/// <summary>An instrument's answers as counted (per field and level) and as scored per respondent.</summary>
public sealed record InstrumentSample(AnswerTally Answers, RespondentScores Respondents);

/// <summary>
/// A round's result with the samples behind it. Withheld instruments (fewer than k responses)
/// have no sample here, so nothing built from an analysis can show their answers.
/// </summary>
public sealed record RoundAnalysis(RoundResult Result, IReadOnlyDictionary<string, InstrumentSample> Samples, AnswerTally Oit);
