using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Scoring;

/// <summary>
/// Scores one questionnaire from a tally: answer field → question (mean of fields) →
/// sub-indicator (mean of questions) → indicator (mean of sub-indicators, or of questions) →
/// instrument (mean of indicators). A level with no respondents has no score (null), and a mean
/// is taken over the parts that have one.
/// </summary>
public static class QuestionnaireScorer
{
    /// <summary>Scores a tally at full precision.</summary>
    public static QuestionnaireResult Score(AnswerTally tally)
    {
        var compiled = tally.Questionnaire;
        var questionnaire = compiled.Questionnaire;
        var fieldScores = new FieldScore[compiled.FieldCount];
        for (var f = 0; f < compiled.FieldCount; f++)
        {
            long respondents = 0;
            double points = 0;
            for (var level = 0; level < compiled.LevelCounts[f]; level++)
            {
                var count = tally.Count(f, level);
                respondents += count;
                points += count * compiled.Points[f * compiled.LevelStride + level];
            }
            fieldScores[f] = new FieldScore(compiled.FieldCodes[f], respondents, respondents > 0 ? points / respondents : null);
        }

        var questions = questionnaire.Questions
            .Select((q, i) =>
            {
                var fields = fieldScores.Where((_, f) => compiled.FieldQuestion[f] == i).ToList();
                return new QuestionScore(q.Code, q.Indicator, q.SubIndicator, MeanOf(fields.Select(x => x.Score)), fields);
            })
            .ToList();

        return FromQuestionScores(compiled.Model, questionnaire.Instrument, tally.Responses, questions);
    }

    /// <summary>
    /// Scores a questionnaire from its question scores: sub-indicators, indicators and the
    /// instrument, exactly as <see cref="Score(AnswerTally)"/> does after scoring the answers.
    /// Used to ask "what if this question scored differently" without inventing a tally.
    /// </summary>
    /// <param name="model">The year's assessment model.</param>
    /// <param name="instrument">The instrument code ("IIT", "EIT", "OIT").</param>
    /// <param name="responses">The responses the scores come from (carried into the result).</param>
    /// <param name="questions">Every question's score, in questionnaire order; a null score has no answers.</param>
    public static QuestionnaireResult FromQuestionScores(AssessmentModel model, string instrument, long responses, IReadOnlyList<QuestionScore> questions)
    {
        var indicators = model.IndicatorsOf(instrument)
            .Select(indicator => ScoreIndicator(model, indicator, questions))
            .ToList();
        var score = indicators.Any(i => i.Score is null) ? null : MeanOf(indicators.Select(i => i.Score));
        return new QuestionnaireResult(instrument, responses, questions, indicators, score);
    }

    private static IndicatorScore ScoreIndicator(AssessmentModel model, Indicator indicator, IReadOnlyList<QuestionScore> questions)
    {
        var own = questions.Where(q => q.Indicator == indicator.Code).ToList();
        if (!indicator.HasSubIndicators)
        {
            return IndicatorScores.Of(model, indicator, MeanOf(own.Select(q => q.Score)), []);
        }
        var subs = indicator.SubIndicators!
            .Select(s => new SubIndicatorScore(s.Code, MeanOf(own.Where(q => q.SubIndicator == s.Code).Select(q => q.Score))))
            .ToList();
        return IndicatorScores.Of(model, indicator, MeanOf(subs.Select(s => s.Score)), subs);
    }

    /// <summary>The plain mean of the values that exist; null when none does.</summary>
    internal static double? MeanOf(IEnumerable<double?> values)
    {
        double sum = 0;
        var n = 0;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                sum += v;
                n++;
            }
        }
        return n > 0 ? sum / n : null;
    }
}

/// <summary>Builds indicator scores with their status against the year's flags.</summary>
internal static class IndicatorScores
{
    public static IndicatorScore Of(AssessmentModel model, Indicator indicator, double? score, IReadOnlyList<SubIndicatorScore> subs) =>
        new(indicator.Code, indicator.Instrument, score, StatusOf(model.Flags, score), subs);

    // Compared at the published precision: an indicator shown as 85.00 is not urgent.
    private static IndicatorStatus StatusOf(IndicatorFlags flags, double? score) => score switch
    {
        null => IndicatorStatus.NoData,
        { } s when ScoreRounding.Round(s) < (decimal)flags.UrgentBelow => IndicatorStatus.Urgent,
        { } s when ScoreRounding.Round(s) < (decimal)flags.ImproveBelow => IndicatorStatus.ToImprove,
        _ => IndicatorStatus.Good,
    };
}
