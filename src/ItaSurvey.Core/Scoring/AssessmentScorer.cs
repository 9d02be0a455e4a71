using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Scoring;

/// <summary>
/// Combines a fiscal year's questionnaires into the assessment: instrument = mean of its
/// indicators, total = Σ weight × instrument, then the year's rating.
/// </summary>
public static class AssessmentScorer
{
    /// <summary>Scores every questionnaire of the year that has a tally and combines them.</summary>
    /// <param name="model">The year's assessment model.</param>
    /// <param name="tallies">One tally per instrument; an instrument without one has no score.</param>
    public static AssessmentResult Score(AssessmentModel model, IEnumerable<AnswerTally> tallies) =>
        Score(model, tallies.Select(QuestionnaireScorer.Score));

    /// <summary>Combines questionnaires already scored (from a tally or from question scores) into the assessment.</summary>
    /// <param name="model">The year's assessment model.</param>
    /// <param name="questionnaires">One result per instrument; an instrument without one has no score.</param>
    public static AssessmentResult Score(AssessmentModel model, IEnumerable<QuestionnaireResult> questionnaires)
    {
        var results = questionnaires.ToDictionary(r => r.Instrument, StringComparer.Ordinal);
        var indicators = model.Indicators
            .Select(indicator => results.TryGetValue(indicator.Instrument, out var r)
                ? r.Indicators.First(i => i.Code == indicator.Code)
                : IndicatorScores.Of(model, indicator, null, []))
            .ToList();
        return Combine(model, indicators, results);
    }

    /// <summary>
    /// Combines indicator scores known from elsewhere (an official result, an import) into
    /// instruments, total and rating.
    /// </summary>
    public static AssessmentResult FromIndicatorScores(AssessmentModel model, IReadOnlyDictionary<string, double> indicatorScores)
    {
        var unknown = indicatorScores.Keys.Where(code => model.FindIndicator(code) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Fiscal year {model.FiscalYear} has no indicator {string.Join(", ", unknown)}.", nameof(indicatorScores));
        }
        var indicators = model.Indicators
            .Select(i => IndicatorScores.Of(model, i, indicatorScores.TryGetValue(i.Code, out var s) ? s : null, []))
            .ToList();
        return Combine(model, indicators, new Dictionary<string, QuestionnaireResult>());
    }

    private static AssessmentResult Combine(AssessmentModel model, List<IndicatorScore> indicators, IReadOnlyDictionary<string, QuestionnaireResult> questionnaires)
    {
        var instruments = model.Instruments
            .Select(instrument =>
            {
                var own = indicators.Where(i => i.Instrument == instrument.Code).ToList();
                var score = own.Any(i => i.Score is null) ? null : QuestionnaireScorer.MeanOf(own.Select(i => i.Score));
                return new InstrumentScore(instrument.Code, instrument.Weight, score);
            })
            .ToList();

        double? total = null;
        RatingLevel? rating = null;
        if (instruments.All(i => i.Score is not null))
        {
            total = instruments.Sum(i => i.Weighted!.Value);
            rating = model.Rating.Rate(total.Value, instruments.Select(i => i.Score!.Value));
        }
        return new AssessmentResult(model.FiscalYear, indicators, instruments, total, rating, questionnaires);
    }
}
