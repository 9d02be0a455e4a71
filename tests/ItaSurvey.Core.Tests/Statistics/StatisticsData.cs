using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Tests.Statistics;

/// <summary>Random responses and a plain, allocation-heavy reference for per-respondent scores.</summary>
internal static class StatisticsData
{
    public static CompiledQuestionnaire Compiled(int fiscalYear, string instrument)
    {
        var year = Surveys.Year(fiscalYear);
        return new CompiledQuestionnaire(year.Model, year.Questionnaire(instrument));
    }

    /// <summary>
    /// Respondents with a common leaning, so that items correlate as real answers do; a share of
    /// fields left unanswered.
    /// </summary>
    public static List<byte[]> Responses(CompiledQuestionnaire c, Random random, int count, double unansweredShare = 0)
    {
        var responses = new List<byte[]>(count);
        for (var r = 0; r < count; r++)
        {
            var leaning = random.NextDouble();
            var response = new byte[c.FieldCount];
            for (var f = 0; f < response.Length; f++)
            {
                var levels = c.LevelCounts[f];
                var good = Math.Min(levels - 1, (int)(((0.5 * leaning) + (0.5 * random.NextDouble())) * levels));
                var bestIsTop = c.Points[(f * c.LevelStride) + levels - 1] >= c.Points[f * c.LevelStride];
                response[f] = random.NextDouble() < unansweredShare
                    ? AnswerTally.NotAnswered
                    : (byte)(bestIsTop ? good : levels - 1 - good);
            }
            responses.Add(response);
        }
        return responses;
    }

    public static double PointsOf(CompiledQuestionnaire c, byte[] response, int field) =>
        c.Points[(field * c.LevelStride) + response[field]];

    /// <summary>A respondent's question scores, straight from the questionnaire's structure.</summary>
    public static Dictionary<string, double> QuestionScores(CompiledQuestionnaire c, byte[] response) =>
        Enumerable.Range(0, c.FieldCount)
            .Where(f => response[f] != AnswerTally.NotAnswered)
            .GroupBy(f => c.Questionnaire.Questions[c.FieldQuestion[f]].Code)
            .ToDictionary(g => g.Key, g => g.Average(f => PointsOf(c, response, f)));

    /// <summary>A respondent's indicator scores: mean of questions, or of sub-indicators where there are some.</summary>
    public static Dictionary<string, double> IndicatorScores(CompiledQuestionnaire c, byte[] response)
    {
        var questions = QuestionScores(c, response);
        var result = new Dictionary<string, double>();
        foreach (var indicator in c.Model.IndicatorsOf(c.Instrument))
        {
            var own = c.Questionnaire.Questions.Where(q => q.Indicator == indicator.Code && questions.ContainsKey(q.Code)).ToList();
            var parts = indicator.HasSubIndicators
                ? indicator.SubIndicators!
                    .Select(s => own.Where(q => q.SubIndicator == s.Code).Select(q => questions[q.Code]).ToList())
                    .Where(scores => scores.Count > 0)
                    .Select(scores => scores.Average())
                    .ToList()
                : own.Select(q => questions[q.Code]).ToList();
            if (parts.Count > 0)
            {
                result[indicator.Code] = parts.Average();
            }
        }
        return result;
    }
}
