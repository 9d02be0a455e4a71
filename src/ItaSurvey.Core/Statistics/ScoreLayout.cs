using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Statistics;

/// <summary>
/// Where each question's score goes on its way up, as flat index arrays so that scoring one
/// respondent is a few loops over arrays. Mirrors <see cref="QuestionnaireScorer"/>: question →
/// sub-indicator → indicator when the indicator has sub-indicators, question → indicator otherwise.
/// </summary>
internal sealed class ScoreLayout
{
    public ScoreLayout(CompiledQuestionnaire compiled)
    {
        var questions = compiled.Questionnaire.Questions;
        var indicators = compiled.Model.IndicatorsOf(compiled.Instrument).ToArray();
        IndicatorCodes = [.. indicators.Select(i => i.Code)];
        QuestionCodes = [.. questions.Select(q => q.Code)];

        var subs = new List<(string Indicator, string Code)>();
        foreach (var indicator in indicators.Where(i => i.HasSubIndicators))
        {
            subs.AddRange(indicator.SubIndicators!.Select(s => (indicator.Code, s.Code)));
        }
        SubIndicatorOwner = [.. subs.Select(s => Array.IndexOf(IndicatorCodes, s.Indicator))];

        QuestionIndicator = new int[questions.Count];
        QuestionSubIndicator = new int[questions.Count];
        for (var q = 0; q < questions.Count; q++)
        {
            var question = questions[q];
            var indicator = Array.IndexOf(IndicatorCodes, question.Indicator);
            var direct = indicator >= 0 && !indicators[indicator].HasSubIndicators;
            // A question outside any sub-indicator of an indicator that has them counts nowhere, as in scoring.
            QuestionIndicator[q] = direct ? indicator : -1;
            QuestionSubIndicator[q] = direct ? -1 : subs.IndexOf((question.Indicator, question.SubIndicator ?? ""));
        }

        IndicatorFields = [.. Enumerable.Range(0, IndicatorCodes.Length)
            .Select(i => Enumerable.Range(0, compiled.FieldCount)
                .Where(f => questions[compiled.FieldQuestion[f]].Indicator == IndicatorCodes[i])
                .ToArray())];
    }

    /// <summary>The instrument's indicators, in model order.</summary>
    public string[] IndicatorCodes { get; }

    /// <summary>The questions, in questionnaire order.</summary>
    public string[] QuestionCodes { get; }

    /// <summary>The indicator a question's score goes to directly, or -1.</summary>
    public int[] QuestionIndicator { get; }

    /// <summary>The sub-indicator a question's score goes to, or -1.</summary>
    public int[] QuestionSubIndicator { get; }

    /// <summary>The indicator each sub-indicator belongs to.</summary>
    public int[] SubIndicatorOwner { get; }

    /// <summary>The answer fields of each indicator, the items of its Cronbach's alpha.</summary>
    public int[][] IndicatorFields { get; }
}
