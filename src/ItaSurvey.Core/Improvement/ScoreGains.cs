using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Improvement;

/// <summary>
/// What fixing one thing adds to an indicator and to the ITA total, computed by scoring the
/// round again with that one question (or OIT item) at 100 through the real chain
/// (<see cref="QuestionnaireScorer.FromQuestionScores"/>, <see cref="AssessmentScorer"/>): the
/// sub-indicators, instrument means and weights of the year apply exactly, with no shortcut.
/// </summary>
public static class ScoreGains
{
    /// <summary>The score a question or an item reaches when it is fixed.</summary>
    public const double Full = 100;

    /// <summary>The assessment as it would be if one question or OIT item scored <see cref="Full"/>.</summary>
    /// <param name="model">The year's assessment model.</param>
    /// <param name="result">The round's assessment, with per-questionnaire question scores.</param>
    /// <param name="instrument">The instrument of the question ("IIT", "EIT", "OIT").</param>
    /// <param name="questionCode">The question or item code.</param>
    public static AssessmentResult WithFull(AssessmentModel model, AssessmentResult result, string instrument, string questionCode)
    {
        var scored = result.Questionnaires.GetValueOrDefault(instrument)
            ?? throw new ArgumentException($"The result has no {instrument} question scores.", nameof(instrument));
        if (scored.Questions.All(q => q.Code != questionCode))
        {
            throw new ArgumentException($"{instrument} has no question {questionCode}.", nameof(questionCode));
        }
        var questions = scored.Questions
            .Select(q => q.Code == questionCode ? q with { Score = Full, Fields = q.Fields.Select(f => f with { Score = Full }).ToList() } : q)
            .ToList();
        var changed = QuestionnaireScorer.FromQuestionScores(model, instrument, scored.Responses, questions);
        return AssessmentScorer.Score(model, result.Questionnaires.Values.Select(q => q.Instrument == instrument ? changed : q));
    }

    /// <summary>The gain of fixing one question or item: its indicator's and the total's, against the result as it is.</summary>
    public static (double Indicator, double? Total) Of(AssessmentModel model, AssessmentResult result, string instrument, string questionCode, string indicatorCode)
    {
        var after = WithFull(model, result, instrument, questionCode);
        var indicator = (after.Indicator(indicatorCode).Score ?? 0) - (result.Indicator(indicatorCode).Score ?? 0);
        double? total = after.Total is { } a && result.Total is { } b ? a - b : null;
        return (indicator, total);
    }

    /// <summary>
    /// Every missing OIT item and weak question with its gains, largest total gain first (then
    /// largest indicator gain, then questionnaire order). Items or questions the result has no
    /// scores for are left out.
    /// </summary>
    /// <param name="year">The round's questionnaire set.</param>
    /// <param name="result">The round's assessment, with per-questionnaire question scores.</param>
    /// <param name="missingOitItems">OIT item codes not disclosed.</param>
    /// <param name="questions">(instrument, question code) pairs of IIT and EIT questions to price.</param>
    public static IReadOnlyList<ScoreGain> Rank(SurveyYear year, AssessmentResult result, IReadOnlyCollection<string> missingOitItems,
        IReadOnlyCollection<(string Instrument, string Code)> questions)
    {
        var candidates = missingOitItems.Select(code => (Instrument: "OIT", Code: code, Source: WeaknessSource.OitItem))
            .Concat(questions.Select(q => (q.Instrument, q.Code, Source: WeaknessSource.Question)));
        var gains = new List<(ScoreGain Gain, int Order)>();
        foreach (var (instrument, code, source) in candidates)
        {
            var questionnaire = year.Questionnaires.GetValueOrDefault(instrument);
            var question = questionnaire?.Questions.FirstOrDefault(q => q.Code == code);
            var scored = result.Questionnaires.GetValueOrDefault(instrument)?.Questions.FirstOrDefault(q => q.Code == code);
            if (question is null || scored is null)
            {
                continue;
            }
            var (indicator, total) = Of(year.Model, result, instrument, code, question.Indicator);
            var order = year.Model.Instruments.ToList().FindIndex(i => i.Code == instrument) * 10_000 + questionnaire!.Questions.ToList().IndexOf(question);
            gains.Add((new ScoreGain(source, code, question.Indicator, question.Text.Th, scored.Score, indicator, total), order));
        }
        return gains
            .OrderByDescending(g => Tie(g.Gain.TotalGain ?? double.NegativeInfinity))
            .ThenByDescending(g => Tie(g.Gain.IndicatorGain))
            .ThenBy(g => g.Order)
            .Select(g => g.Gain)
            .ToList();
    }

    // Equal gains computed along different paths differ in the last bits; they tie here.
    private static double Tie(double gain) => double.IsFinite(gain) ? Math.Round(gain, 9) : gain;
}
