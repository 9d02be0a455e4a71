using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Tests;

public class ScoringPropertyTests
{
    public static TheoryData<int, string> EveryQuestionnaire()
    {
        var data = new TheoryData<int, string>();
        foreach (var year in Surveys.Catalog.Years)
        {
            foreach (var instrument in year.Questionnaires.Keys)
            {
                data.Add(year.FiscalYear, instrument);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryQuestionnaire))]
    public void All_best_answers_score_100_and_all_worst_score_0(int fiscalYear, string instrument)
    {
        var year = Surveys.Year(fiscalYear);
        var compiled = new CompiledQuestionnaire(year.Model, year.Questionnaire(instrument));

        var best = QuestionnaireScorer.Score(TallyOf(compiled, f => BestLevel(compiled, f)));
        var worst = QuestionnaireScorer.Score(TallyOf(compiled, f => WorstLevel(compiled, f)));

        Assert.Equal(100, best.Score!.Value, 9);
        Assert.All(best.Questions, q => Assert.Equal(100, q.Score!.Value, 9));
        Assert.Equal(0, worst.Score!.Value, 9);
        Assert.All(worst.Indicators, i => Assert.Equal(IndicatorStatus.Urgent, i.Status));
    }

    [Fact]
    public void Best_answers_everywhere_rate_the_top_level_of_every_year()
    {
        foreach (var year in Surveys.Catalog.Years)
        {
            var tallies = year.Questionnaires.Values.Select(q =>
            {
                var compiled = new CompiledQuestionnaire(year.Model, q);
                return TallyOf(compiled, f => BestLevel(compiled, f));
            });

            var result = AssessmentScorer.Score(year.Model, tallies);

            Assert.Equal(100, result.Total!.Value, 9);
            Assert.Equal(year.Model.Rating.Levels[0].Code, result.Rating!.Code);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Reversing_every_question_mirrors_its_score(int seed)
    {
        var year = Surveys.Year(2566);
        var questionnaire = year.Questionnaire("IIT");
        var reversed = questionnaire with
        {
            Questions = questionnaire.Questions.Select(q => q with
            {
                Direction = Flip(q.Direction),
                Items = q.Items?.Select(i => i with { Direction = i.Direction is { } d ? Flip(d) : null }).ToList(),
            }).ToList(),
        };
        var random = new Random(seed);
        var responses = RandomResponses(new CompiledQuestionnaire(year.Model, questionnaire), random, 200);

        var original = Score(year.Model, questionnaire, responses);
        var mirrored = Score(year.Model, reversed, responses);

        for (var q = 0; q < original.Questions.Count; q++)
        {
            Assert.Equal(100 - original.Questions[q].Score!.Value, mirrored.Questions[q].Score!.Value, 9);
        }
        Assert.Equal(100 - original.Score!.Value, mirrored.Score!.Value, 9);
    }

    [Theory]
    [MemberData(nameof(EveryQuestionnaire))]
    public void Tallies_and_individual_responses_give_identical_scores(int fiscalYear, string instrument)
    {
        var year = Surveys.Year(fiscalYear);
        var compiled = new CompiledQuestionnaire(year.Model, year.Questionnaire(instrument));
        var random = new Random(fiscalYear * 31 + instrument.Length);
        var responses = RandomResponses(compiled, random, 500, unansweredShare: 0.05);

        var fromResponses = compiled.NewTally();
        foreach (var response in responses)
        {
            fromResponses.Add(response);
        }
        var fromCounts = compiled.NewTally();
        for (var f = 0; f < compiled.FieldCount; f++)
        {
            for (var level = 0; level < compiled.LevelCounts[f]; level++)
            {
                fromCounts.Add(compiled.FieldCodes[f], level, responses.Count(r => r[f] == level));
            }
        }

        var a = QuestionnaireScorer.Score(fromResponses);
        var b = QuestionnaireScorer.Score(fromCounts);

        Assert.Equal(a.Questions.Select(q => q.Score), b.Questions.Select(q => q.Score));
        Assert.Equal(a.Indicators.Select(i => i.Score), b.Indicators.Select(i => i.Score));
        Assert.Equal(a.Score, b.Score);
        AssertMatchesNaiveMeans(compiled, responses, a);
    }

    [Fact]
    public void A_response_with_a_level_the_scale_lacks_is_rejected_and_nothing_is_counted()
    {
        var year = Surveys.Year(2566);
        var compiled = new CompiledQuestionnaire(year.Model, year.Questionnaire("IIT"));
        var tally = compiled.NewTally();
        var response = new byte[compiled.FieldCount];
        response[^1] = 7;

        Assert.Throws<ArgumentOutOfRangeException>(() => tally.Add(response));
        Assert.Equal(0, tally.Responses);
        Assert.Null(QuestionnaireScorer.Score(tally).Score);
    }

    [Fact]
    public void An_instrument_without_answers_leaves_the_total_unscored()
    {
        var year = Surveys.Year(2566);
        var iit = new CompiledQuestionnaire(year.Model, year.Questionnaire("IIT"));

        var result = AssessmentScorer.Score(year.Model, [TallyOf(iit, f => BestLevel(iit, f))]);

        Assert.Equal(100, result.Instrument("IIT").Score!.Value, 9);
        Assert.Null(result.Instrument("EIT").Score);
        Assert.Null(result.Total);
        Assert.Null(result.Rating);
        Assert.Equal(IndicatorStatus.NoData, result.Indicator("6").Status);
    }

    // The reference: for each answer field, the plain mean of the points its respondents chose,
    // computed straight from the responses and the scale, without the compiled points table.
    private static void AssertMatchesNaiveMeans(CompiledQuestionnaire compiled, List<byte[]> responses, QuestionnaireResult result)
    {
        var fields = compiled.Questionnaire.AnswerFields().ToList();
        for (var f = 0; f < fields.Count; f++)
        {
            var scale = compiled.Model.FindScale(fields[f].Question.Scale)!;
            var chosen = responses.Where(r => r[f] != AnswerTally.NotAnswered).Select(r => r[f]).ToList();
            var points = chosen.Select(level => fields[f].Direction == Direction.Positive
                ? scale.Levels[level].Points
                : scale.Levels[scale.Levels.Count - 1 - level].Points);
            var field = result.Questions.SelectMany(q => q.Fields).Single(x => x.Code == fields[f].Code);
            Assert.Equal(chosen.Count, field.Respondents);
            Assert.Equal(points.Average(), field.Score!.Value, 9);
        }
    }

    private static Direction Flip(Direction d) => d == Direction.Positive ? Direction.Negative : Direction.Positive;

    private static QuestionnaireResult Score(AssessmentModel model, Questionnaire questionnaire, List<byte[]> responses)
    {
        var tally = new CompiledQuestionnaire(model, questionnaire).NewTally();
        responses.ForEach(r => tally.Add(r));
        return QuestionnaireScorer.Score(tally);
    }

    private static List<byte[]> RandomResponses(CompiledQuestionnaire compiled, Random random, int count, double unansweredShare = 0)
    {
        return Enumerable.Range(0, count).Select(_ =>
        {
            var response = new byte[compiled.FieldCount];
            for (var f = 0; f < response.Length; f++)
            {
                response[f] = random.NextDouble() < unansweredShare
                    ? AnswerTally.NotAnswered
                    : (byte)random.Next(compiled.LevelCounts[f]);
            }
            return response;
        }).ToList();
    }

    private static AnswerTally TallyOf(CompiledQuestionnaire compiled, Func<int, byte> level)
    {
        var tally = compiled.NewTally();
        tally.Add(Enumerable.Range(0, compiled.FieldCount).Select(level).ToArray());
        return tally;
    }

    private static byte BestLevel(CompiledQuestionnaire c, int f) =>
        (byte)Enumerable.Range(0, c.LevelCounts[f]).MaxBy(l => c.Points[f * c.LevelStride + l]);

    private static byte WorstLevel(CompiledQuestionnaire c, int f) =>
        (byte)Enumerable.Range(0, c.LevelCounts[f]).MinBy(l => c.Points[f * c.LevelStride + l]);
}
