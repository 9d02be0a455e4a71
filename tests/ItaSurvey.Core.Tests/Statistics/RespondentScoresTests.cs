using System.Diagnostics;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;
using MathNet.Numerics.Statistics;

namespace ItaSurvey.Core.Tests.Statistics;

public class RespondentScoresTests
{
    [Theory]
    [MemberData(nameof(ScoringPropertyTests.EveryQuestionnaire), MemberType = typeof(ScoringPropertyTests))]
    public void With_every_field_answered_the_mean_of_respondents_scores_is_the_questionnaire_score(int fiscalYear, string instrument)
    {
        var compiled = StatisticsData.Compiled(fiscalYear, instrument);
        var responses = StatisticsData.Responses(compiled, new Random(fiscalYear + instrument.Length), 700);
        var tally = compiled.NewTally();
        var scores = new RespondentScores(compiled);
        foreach (var response in responses)
        {
            tally.Add(response);
            scores.Add(response);
        }

        var result = QuestionnaireScorer.Score(tally);

        for (var q = 0; q < result.Questions.Count; q++)
        {
            Assert.Equal(700, scores.Question(q).N);
            Assert.Equal(result.Questions[q].Score!.Value, scores.Question(q).Mean, 9);
        }
        foreach (var indicator in result.Indicators)
        {
            Assert.Equal(indicator.Score!.Value, scores.Indicator(indicator.Code).Mean, 9);
        }
        Assert.Equal(result.Score!.Value, scores.Instrument.Mean, 9);
    }

    [Fact]
    public void Streaming_moments_agree_with_batch_statistics_when_answers_are_missing()
    {
        var compiled = StatisticsData.Compiled(2566, "IIT");
        var responses = StatisticsData.Responses(compiled, new Random(2566), 3000, unansweredShare: 0.08);
        var scores = new RespondentScores(compiled);
        responses.ForEach(r => scores.Add(r));

        var questions = responses.Select(r => StatisticsData.QuestionScores(compiled, r)).ToList();
        foreach (var code in scores.QuestionCodes)
        {
            var batch = questions.Where(q => q.ContainsKey(code)).Select(q => q[code]).ToArray();
            AssertSameSample(batch, scores.Question(code));
        }
        var indicators = responses.Select(r => StatisticsData.IndicatorScores(compiled, r)).ToList();
        foreach (var code in scores.IndicatorCodes)
        {
            var batch = indicators.Where(i => i.ContainsKey(code)).Select(i => i[code]).ToArray();
            AssertSameSample(batch, scores.Indicator(code));
        }
        var instrument = indicators.Where(i => i.Count == scores.IndicatorCodes.Count).Select(i => i.Values.Average()).ToArray();
        AssertSameSample(instrument, scores.Instrument);
    }

    [Fact]
    public void Alpha_per_indicator_uses_the_indicators_fields_over_respondents_who_answered_them_all()
    {
        var compiled = StatisticsData.Compiled(2566, "IIT");
        var responses = StatisticsData.Responses(compiled, new Random(7), 2000, unansweredShare: 0.01);
        var scores = new RespondentScores(compiled);
        responses.ForEach(r => scores.Add(r));

        foreach (var code in scores.IndicatorCodes)
        {
            var fields = Enumerable.Range(0, compiled.FieldCount)
                .Where(f => compiled.Questionnaire.Questions[compiled.FieldQuestion[f]].Indicator == code)
                .ToArray();
            var rows = responses
                .Where(r => fields.All(f => r[f] != AnswerTally.NotAnswered))
                .Select(r => fields.Select(f => StatisticsData.PointsOf(compiled, r, f)).ToArray())
                .ToArray();

            var alpha = scores.Consistency(code);

            Assert.Equal(fields.Select(f => compiled.FieldCodes[f]), alpha.Items);
            Assert.Equal(rows.Length, alpha.Respondents);
            Assert.Equal(ItemConsistencyTests.AlphaOf(rows).Alpha!.Value, alpha.Alpha!.Value, 9);
            Assert.InRange(alpha.Alpha!.Value, 0.5, 1);
        }
    }

    [Fact]
    public void A_response_with_a_level_the_scale_lacks_is_rejected_and_nothing_is_counted()
    {
        var compiled = StatisticsData.Compiled(2566, "IIT");
        var scores = new RespondentScores(compiled);
        var response = new byte[compiled.FieldCount];
        response[^1] = 7;

        Assert.Throws<ArgumentOutOfRangeException>(() => scores.Add(response));
        Assert.Throws<ArgumentException>(() => scores.Add(new byte[3]));
        Assert.Equal(0, scores.Responses);
        Assert.Equal(0, scores.Question(0).N);
        Assert.Equal(0, scores.Indicator("1").N);

        scores.Add(new byte[compiled.FieldCount]);
        Assert.Equal(1, scores.Question(0).N);
        Assert.Equal(1, scores.Question(compiled.Questionnaire.Questions.Count - 1).N);
    }

    [Fact]
    public void Unknown_codes_are_rejected_by_name()
    {
        var scores = new RespondentScores(StatisticsData.Compiled(2566, "IIT"));

        var error = Assert.Throws<ArgumentException>(() => scores.Indicator("9"));
        Assert.Contains("'9'", error.Message);
        Assert.Throws<ArgumentException>(() => scores.Question("E1"));
    }

    [Fact]
    public void A_hundred_thousand_IIT_responses_stream_through_without_allocating()
    {
        var compiled = StatisticsData.Compiled(2566, "IIT");
        var distinct = StatisticsData.Responses(compiled, new Random(100), 1000, unansweredShare: 0.02);
        var packed = distinct.SelectMany(r => r).ToArray();
        var scores = new RespondentScores(compiled);
        scores.AddMany(packed);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = 1; i < 100; i++)
        {
            scores.AddMany(packed);
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(100_000, scores.Responses);
        Assert.Equal(0, allocated);
        // Generous bound for a shared CI machine: it takes tens of milliseconds.
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"100,000 responses took {elapsed}");
        TestContext.Current.SendDiagnosticMessage($"100,000 IIT responses accumulated in {elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void Merging_two_accumulators_gives_the_moments_of_the_whole()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 1000).Select(_ => 80 + (20 * random.NextDouble())).ToArray();
        RunningMoments first = default, second = default;
        foreach (var v in values.AsSpan(0, 300))
        {
            first.Add(v);
        }
        foreach (var v in values.AsSpan(300))
        {
            second.Add(v);
        }

        first.Merge(second);

        AssertSameSample(values, first.Summary());
    }

    private static void AssertSameSample(double[] batch, SampleSummary streamed)
    {
        Assert.Equal(batch.Length, streamed.N);
        Assert.Equal(batch.Mean(), streamed.Mean, 9);
        Assert.Equal(batch.Variance(), streamed.Variance, 9);
    }
}
