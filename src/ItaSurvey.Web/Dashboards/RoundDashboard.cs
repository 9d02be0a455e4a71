using System.Security.Claims;
using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Dashboards;

/// <summary>Everything the round dashboard shows, built once per view from one pass over the responses.</summary>
public sealed record RoundDashboard(
    int RoundId,
    int AgencyId,
    string AgencyName,
    int FiscalYear,
    RoundResult Result,
    IndicatorFlags Flags,
    IReadOnlyList<InstrumentView> Instruments,
    IReadOnlyList<IndicatorView> Indicators,
    IReadOnlyList<QuestionView> Questions,
    PreviousYear? Previous,
    IReadOnlyList<ItaSurvey.Core.Improvement.ScoreGain> Gains,
    IReadOnlyList<DoubtfulEvidence> Doubtful)
{
    /// <summary>The line the ITA draws: below it an indicator is urgent (85).</summary>
    public double Threshold => Flags.UrgentBelow;

    /// <summary>The plain message of a withheld figure.</summary>
    public LocalizedText WithheldMessage => Result.WithheldMessage;

    /// <summary>Why an instrument's figures are withheld: too few responses, or IIT held back while the round is open.</summary>
    public LocalizedText MessageOf(string instrument) => Result.WithheldMessageOf(instrument);
}

/// <summary>An instrument's score, its interval over respondents and its sample against the year's minimum.</summary>
public sealed record InstrumentView(
    string Code,
    LocalizedText Name,
    double Weight,
    double? Score,
    ScoreEstimate? Estimate,
    long Responses,
    int? Minimum,
    bool Withheld,
    YearChange? Change)
{
    /// <summary>True for a questionnaire answered by fewer people than the year's minimum sample.</summary>
    public bool BelowMinimum => Minimum is { } minimum && Responses < minimum;
}

/// <summary>An indicator's score with its interval, consistency and change since the previous year.</summary>
public sealed record IndicatorView(
    string Code,
    LocalizedText Name,
    string Instrument,
    double? Score,
    IndicatorStatus Status,
    ScoreEstimate? Estimate,
    CronbachAlpha? Consistency,
    bool Withheld,
    bool BelowMinimum,
    YearChange? Change)
{
    /// <summary>True when the interval contains the threshold: the sample cannot tell which side of it the agency is on.</summary>
    public bool Uncertain(double threshold) => Estimate?.CrossesThreshold(threshold) == true;
}

/// <summary>A question's score, its interval and how respondents answered each of its fields.</summary>
public sealed record QuestionView(
    string Code,
    string Instrument,
    string Indicator,
    LocalizedText Text,
    double? Score,
    ScoreEstimate? Estimate,
    IReadOnlyList<FieldDistribution> Fields,
    bool Withheld);

/// <summary>How many respondents chose each level of one answer field.</summary>
public sealed record FieldDistribution(string Code, LocalizedText? ItemText, IReadOnlyList<LevelCount> Levels)
{
    /// <summary>Respondents who answered the field.</summary>
    public long Answered => Levels.Sum(l => l.Count);
}

/// <summary>One answer level and how many chose it.</summary>
public sealed record LevelCount(LocalizedText Label, long Count);

/// <summary>The previous fiscal year the round is compared with, and where its figures come from.</summary>
public sealed record PreviousYear(int FiscalYear, PreviousSource Source, double? Total, RatingLevel? Rating);

/// <summary>Where the previous year's figures come from.</summary>
public enum PreviousSource
{
    /// <summary>Responses collected here: changes are tested per respondent.</summary>
    Collected,

    /// <summary>The published result, imported: the change is a difference, with no test.</summary>
    Official,
}

/// <summary>A score's change since the previous year; the test is there only for collected years.</summary>
public sealed record YearChange(double PreviousScore, double Difference, ScoreChange? Test);

/// <summary>
/// Builds round dashboards: the round's scores (the ITA's arithmetic), a 95 % interval for every
/// question, indicator and instrument over per-respondent scores, Cronbach's alpha per indicator,
/// answer distributions, and changes since the previous fiscal year (Welch's test where both
/// years were collected here, the difference from the imported official result otherwise).
/// Figures built from fewer than k responses are withheld.
/// </summary>
public sealed class RoundDashboards(IDbContextFactory<ItaDbContext> databases, AgencyAccess access, RoundResults results, SurveyLibrary surveys)
{
    /// <summary>The dashboard, or null when there is no such round or the user may not see its agency.</summary>
    public async Task<RoundDashboard?> ForUserAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken = default) =>
        await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is null ? null : await BuildAsync(roundId, cancellationToken);

    /// <summary>The dashboard of a round, unscoped: callers check access first.</summary>
    public async Task<RoundDashboard?> BuildAsync(int roundId, CancellationToken cancellationToken = default)
    {
        if (await results.AnalyzeAsync(roundId, cancellationToken) is not { } analysis)
        {
            return null;
        }
        var result = analysis.Result;
        var model = result.Definitions.Model;
        var k = result.MinimumResponses;

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var agencyName = await db.Agencies.Where(a => a.Id == result.AgencyId).Select(a => a.NameTh).SingleAsync(cancellationToken);
        var doubtful = await DoubtfulEvidence.OfRoundAsync(db, result.RoundId, result.Definitions, cancellationToken);
        var previous = await PreviousAsync(db, result, cancellationToken);

        var instruments = result.Assessment.Instruments.Select(i =>
        {
            var sample = analysis.Samples.GetValueOrDefault(i.Code);
            var minimum = i.Code switch { "IIT" => result.IitMinimum, "EIT" => result.EitMinimum, _ => (int?)null };
            return new InstrumentView(i.Code, model.FindInstrument(i.Code)!.Name, i.Weight, i.Score,
                sample is null ? null : ScoreEstimate.Of(sample.Respondents.Instrument),
                result.ResponsesOf(i.Code), minimum, result.IsWithheld(i.Code),
                ChangeOf(i.Score, previous?.Instruments.GetValueOrDefault(i.Code), sample?.Respondents.Instrument));
        }).ToList();

        var indicators = result.Assessment.Indicators.Select(i =>
        {
            var sample = analysis.Samples.GetValueOrDefault(i.Instrument);
            var belowMinimum = instruments.First(x => x.Code == i.Instrument).BelowMinimum;
            return new IndicatorView(i.Code, model.FindIndicator(i.Code)!.Name, i.Instrument, i.Score, i.Status,
                sample is null ? null : ScoreEstimate.Of(sample.Respondents.Indicator(i.Code)),
                sample?.Respondents.Consistency(i.Code),
                result.IsWithheld(i.Instrument), belowMinimum,
                ChangeOf(i.Score, previous?.Indicators.GetValueOrDefault(i.Code), sample?.Respondents.Indicator(i.Code)));
        }).ToList();

        var questions = new List<QuestionView>();
        foreach (var (instrument, questionnaireResult) in result.Assessment.Questionnaires.Where(q => q.Key != "OIT"))
        {
            var sample = analysis.Samples.GetValueOrDefault(instrument);
            var questionnaire = result.Definitions.Questionnaire(instrument);
            foreach (var question in questionnaire.Questions)
            {
                var summary = sample?.Respondents.Question(question.Code);
                var withheld = summary is not { } s || Privacy.Withhold(s.N, k);
                var score = questionnaireResult.Questions.First(q => q.Code == question.Code).Score;
                questions.Add(new QuestionView(question.Code, instrument, question.Indicator, question.Text,
                    withheld ? null : score,
                    withheld ? null : ScoreEstimate.Of(summary!.Value),
                    withheld ? [] : Distributions(model, question, sample!.Answers),
                    withheld));
            }
        }

        // What raises the total most, as the improvement report ranks it: missing OIT items and weak questions.
        var oit = analysis.Oit;
        var missing = oit.Questionnaire.FieldCodes.Where((_, f) => oit.Count(f, 1) == 0).ToList();
        var draft = ItaSurvey.Core.Improvement.ImprovementPlanner.Draft(result.Definitions, result.Assessment, missing, result.Withheld, k);

        return new RoundDashboard(result.RoundId, result.AgencyId, agencyName, result.FiscalYear, result, model.Flags,
            instruments, indicators, questions, previous?.Year, draft.Gains, doubtful);
    }

    private static IReadOnlyList<FieldDistribution> Distributions(AssessmentModel model, Question question, AnswerTally answers)
    {
        var scale = model.FindScale(question.Scale)!;
        var compiled = answers.Questionnaire;
        return [.. question.AnswerFields().Select(field =>
        {
            var f = compiled.FieldIndex(field.Code);
            var text = question.HasItems ? question.Items!.First(i => i.Code == field.Code).Text : null;
            return new FieldDistribution(field.Code, text,
                [.. scale.Levels.Select((level, l) => new LevelCount(level.Label, answers.Count(f, l)))]);
        })];
    }

    private static YearChange? ChangeOf(double? score, PreviousScore? previous, SampleSummary? current)
    {
        if (score is not { } now || previous is null)
        {
            return null;
        }
        var test = previous.Sample is { } before && current is { } after ? YearOverYear.Compare(before, after) : null;
        return new YearChange(previous.Score, ScoreRounding.Change(now, previous.Score)!.Value, test);
    }

    private sealed record PreviousScore(double Score, SampleSummary? Sample);

    private sealed record PreviousFigures(PreviousYear Year, IReadOnlyDictionary<string, PreviousScore> Instruments, IReadOnlyDictionary<string, PreviousScore> Indicators);

    /// <summary>
    /// The year before the round's, as the trends page shows it: the imported official result is
    /// the headline where there is one, else the round collected here. Per-respondent samples come
    /// from the collected round whenever it has them, so a change can be tested even where the
    /// headline is official; each instrument or indicator missing from one source comes from the other.
    /// </summary>
    private async Task<PreviousFigures?> PreviousAsync(ItaDbContext db, RoundResult current, CancellationToken cancellationToken)
    {
        var year = current.FiscalYear - 1;
        var collected = await CollectedAsync(db, current.AgencyId, year, cancellationToken);
        var official = await OfficialAsync(db, current.AgencyId, year, cancellationToken);
        if (collected is null && official is null)
        {
            return null;
        }
        static IReadOnlyDictionary<string, PreviousScore> Merge(IReadOnlyDictionary<string, PreviousScore>? headline, IReadOnlyDictionary<string, PreviousScore>? samples)
        {
            var merged = new Dictionary<string, PreviousScore>(StringComparer.Ordinal);
            foreach (var code in (headline?.Keys ?? []).Union(samples?.Keys ?? []))
            {
                var score = headline?.GetValueOrDefault(code)?.Score ?? samples![code].Score;
                merged[code] = new PreviousScore(score, samples?.GetValueOrDefault(code)?.Sample);
            }
            return merged;
        }
        return new PreviousFigures(
            official?.Year ?? collected!.Year,
            Merge(official?.Instruments, collected?.Instruments),
            Merge(official?.Indicators, collected?.Indicators));
    }

    private async Task<PreviousFigures?> CollectedAsync(ItaDbContext db, int agencyId, int year, CancellationToken cancellationToken)
    {
        var roundId = await db.Rounds.Where(r => r.AgencyId == agencyId && r.FiscalYear == year)
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (roundId is not { } id || await results.AnalyzeAsync(id, cancellationToken) is not { } before
            || before.Result.Assessment.Instruments.All(i => i.Score is null))
        {
            return null;
        }
        var assessment = before.Result.Assessment;
        return new PreviousFigures(
            new PreviousYear(year, PreviousSource.Collected, assessment.Total, assessment.Rating),
            assessment.Instruments.Where(i => i.Score is not null).ToDictionary(i => i.Code,
                i => new PreviousScore(i.Score!.Value, before.Samples.GetValueOrDefault(i.Code)?.Respondents.Instrument)),
            assessment.Indicators.Where(i => i.Score is not null).ToDictionary(i => i.Code,
                i => new PreviousScore(i.Score!.Value, before.Samples.GetValueOrDefault(i.Instrument)?.Respondents.Indicator(i.Code))));
    }

    private async Task<PreviousFigures?> OfficialAsync(ItaDbContext db, int agencyId, int year, CancellationToken cancellationToken)
    {
        var official = await db.OfficialResults.AsNoTracking().Include(o => o.Indicators)
            .Where(o => o.AgencyId == agencyId && o.FiscalYear == year).FirstOrDefaultAsync(cancellationToken);
        if (official is null)
        {
            return null;
        }
        var scores = official.Indicators.ToDictionary(i => i.IndicatorCode, i => i.Score);
        // An imported official result is read by the year's newest published rules.
        var definitions = surveys.Current.Has(year) ? surveys.Current.Year(year) : null;
        AssessmentResult? rescored = definitions is null ? null : AssessmentScorer.FromIndicatorScores(definitions.Model, scores);
        var total = official.Total ?? rescored?.Total;
        // A level that needs every instrument at a floor cannot be judged with an instrument missing.
        var complete = rescored is not null && rescored.Instruments.All(i => i.Score is not null);
        var floors = definitions is not null && definitions.Model.Rating.Levels.Any(l => l.MinEachInstrument is not null);
        var rating = official.Total is { } published && rescored is not null && (complete || !floors)
            ? definitions!.Model.Rating.Rate(published, rescored.Instruments.Where(i => i.Score is not null).Select(i => i.Score!.Value))
            : rescored?.Rating;
        return new PreviousFigures(
            new PreviousYear(year, PreviousSource.Official, total, rating),
            (rescored?.Instruments ?? []).Where(i => i.Score is not null).ToDictionary(i => i.Code, i => new PreviousScore(i.Score!.Value, null)),
            scores.ToDictionary(s => s.Key, s => new PreviousScore(s.Value, null)));
    }
}
