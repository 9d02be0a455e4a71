using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Core.Improvement;

/// <summary>
/// Drafts the improvement report of a scored round: which indicators go in section 1 (below the
/// year's <see cref="IndicatorFlags.UrgentBelow"/>) and section 2 (below
/// <see cref="IndicatorFlags.ImproveBelow"/>), the weakest questions or missing OIT items under
/// each, and what each fix adds to the total (<see cref="ScoreGains"/>).
/// </summary>
public static class ImprovementPlanner
{
    /// <summary>The most questions listed under one IIT or EIT indicator unless asked otherwise.</summary>
    public const int DefaultQuestionsPerIndicator = 3;

    /// <summary>Drafts the report.</summary>
    /// <param name="year">The round's questionnaire set (model and question texts).</param>
    /// <param name="result">The round's assessment, with per-questionnaire question scores.</param>
    /// <param name="missingOitItems">Codes of the OIT items the agency did not disclose (ไม่มี or not recorded).</param>
    /// <param name="withheld">Instruments whose scores are withheld under the privacy rule; none of their questions is listed.</param>
    /// <param name="minimumResponses">k of the privacy rule, for the sentence that explains a withheld instrument.</param>
    /// <param name="questionsPerIndicator">The most questions listed under one IIT or EIT indicator.</param>
    public static ImprovementDraft Draft(SurveyYear year, AssessmentResult result, IReadOnlyCollection<string> missingOitItems,
        IReadOnlyCollection<string>? withheld = null, int minimumResponses = Privacy.DefaultMinimumResponses,
        int questionsPerIndicator = DefaultQuestionsPerIndicator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(questionsPerIndicator, 1);
        var model = year.Model;
        var hidden = new HashSet<string>(withheld ?? [], StringComparer.Ordinal);
        var missing = new HashSet<string>(missingOitItems, StringComparer.Ordinal);

        var urgent = new List<FlaggedIndicator>();
        var toImprove = new List<FlaggedIndicator>();
        foreach (var score in result.Indicators.Where(i => i.Score is not null && !hidden.Contains(i.Instrument)).OrderBy(i => i.Score))
        {
            var section = score.Status switch
            {
                IndicatorStatus.Urgent => ImprovementSection.Urgent,
                IndicatorStatus.ToImprove => (ImprovementSection?)ImprovementSection.ToImprove,
                _ => null,
            };
            if (section is null || model.FindIndicator(score.Code) is not { } indicator)
            {
                continue;
            }
            var rows = Rows(year, result, indicator, missing, questionsPerIndicator);
            var flagged = new FlaggedIndicator(section.Value, indicator.Code, indicator.Instrument, indicator.Name.Th, score.Score!.Value,
                WeaknessText.Summary(model, indicator, score.Score.Value), rows);
            (section == ImprovementSection.Urgent ? urgent : toImprove).Add(flagged);
        }

        var weakQuestions = result.Questionnaires.Values
            .Where(q => q.Instrument != "OIT" && !hidden.Contains(q.Instrument))
            .SelectMany(q => q.Questions.Where(s => s.Score is { } v && WeaknessText.Below(v, model.Flags.ImproveBelow)).Select(s => (q.Instrument, s.Code)))
            .Concat(urgent.Concat(toImprove).SelectMany(i => i.Weaknesses).Where(w => w.Source == WeaknessSource.Question)
                .Select(w => (model.FindIndicator(w.IndicatorCode)!.Instrument, w.Code)))
            .Distinct()
            .ToList();
        var gains = ScoreGains.Rank(year, result, missing.Where(code => !hidden.Contains("OIT")).ToList(), weakQuestions);

        var withheldNotes = model.Instruments.Where(i => hidden.Contains(i.Code))
            .Select(i => new WithheldInstrument(i.Code, i.Name.Th, WeaknessText.Withheld(i, minimumResponses)))
            .ToList();
        return new ImprovementDraft(model.FiscalYear, result.Total, result.Rating?.Name.Th, urgent, toImprove, gains, withheldNotes);
    }

    /// <summary>The rows under a flagged indicator: its missing OIT items, or its weakest questions, or the indicator itself.</summary>
    private static List<Weakness> Rows(SurveyYear year, AssessmentResult result, Indicator indicator, HashSet<string> missing, int questionsPerIndicator)
    {
        var model = year.Model;
        var questionnaire = year.Questionnaires.GetValueOrDefault(indicator.Instrument);
        var scores = result.Questionnaires.GetValueOrDefault(indicator.Instrument);
        var rows = new List<Weakness>();
        if (questionnaire is not null && scores is not null)
        {
            var own = questionnaire.Questions.Where(q => q.Indicator == indicator.Code).ToList();
            var byCode = scores.Questions.ToDictionary(q => q.Code, StringComparer.Ordinal);
            if (indicator.Instrument == "OIT")
            {
                rows.AddRange(own.Where(q => missing.Contains(q.Code)).Select(q =>
                {
                    var sub = indicator.SubIndicators?.FirstOrDefault(s => s.Code == q.SubIndicator);
                    var score = byCode.GetValueOrDefault(q.Code)?.Score;
                    return new Weakness(WeaknessSource.OitItem, q.Code, indicator.Code, sub is null ? null : $"{sub.Code} {sub.Name.Th}",
                        score, WeaknessText.OitItem(q, score));
                }));
            }
            else
            {
                var scored = own.Select(q => (Question: q, Score: byCode.GetValueOrDefault(q.Code)))
                    .Where(x => x.Score?.Score is not null)
                    .OrderBy(x => x.Score!.Score)
                    .ThenBy(x => own.IndexOf(x.Question))
                    .ToList();
                var weak = scored.Where(x => WeaknessText.Below(x.Score!.Score!.Value, model.Flags.ImproveBelow)).Take(questionsPerIndicator).ToList();
                if (weak.Count == 0)
                {
                    weak = scored.Take(1).ToList(); // a mean below the threshold shown at two decimals can still have no question below it
                }
                rows.AddRange(weak.Select(x => new Weakness(WeaknessSource.Question, x.Question.Code, indicator.Code, null, x.Score!.Score,
                    WeaknessText.Question(model, x.Question, x.Score!))));
            }
        }
        if (rows.Count == 0)
        {
            var score = result.Indicator(indicator.Code).Score!.Value;
            rows.Add(new Weakness(WeaknessSource.Indicator, indicator.Code, indicator.Code, null, score, WeaknessText.Indicator(model, indicator, score)));
        }
        return rows;
    }
}
