using ItaSurvey.Core.Quality;
using ItaSurvey.Core.Tests.Statistics;

namespace ItaSurvey.Core.Tests.Quality;

public class SignalTests
{
    private static readonly ItaSurvey.Core.Scoring.CompiledQuestionnaire Eit = StatisticsData.Compiled(2566, "EIT");

    private static byte[] All(Func<int, byte> level) => [.. Enumerable.Range(0, Eit.FieldCount).Select(f => level(Eit.LevelCounts[f]))];

    [Fact]
    public void Every_field_at_its_last_level_is_straight_lined_and_contradictory()
    {
        var patterns = new AnswerPatterns(Eit);

        Assert.Equal(ResponseSignal.StraightLined | ResponseSignal.Contradictory, patterns.Of(All(n => (byte)(n - 1))));
        Assert.Equal(ResponseSignal.StraightLined | ResponseSignal.Contradictory, patterns.Of(All(_ => 0)));
    }

    [Fact]
    public void One_field_off_the_line_is_not_straight_lined()
    {
        var patterns = new AnswerPatterns(Eit);
        var levels = All(n => (byte)(n - 1));
        var positive = Enumerable.Range(0, Eit.FieldCount).First(f => Eit.LevelCounts[f] == 4);
        levels[positive] = 2;

        Assert.False(patterns.IsStraightLined(levels));
    }

    [Fact]
    public void A_middle_level_on_four_level_fields_cannot_line_up_with_a_yes_no_field()
    {
        var patterns = new AnswerPatterns(Eit);
        // "มาก" (level 2 of 4) everywhere a 4-level scale allows, and the yes/no questions answered either way.
        Assert.False(patterns.IsStraightLined(All(n => (byte)(n == 4 ? 2 : 1))));
        Assert.False(patterns.IsStraightLined(All(n => (byte)(n == 4 ? 2 : 0))));
    }

    [Fact]
    public void The_best_answer_everywhere_is_consistent_because_reverse_scored_questions_are_answered_the_other_way()
    {
        var patterns = new AnswerPatterns(Eit);
        var best = Enumerable.Range(0, Eit.FieldCount)
            .Select(f => Eit.Points[(f * Eit.LevelStride) + Eit.LevelCounts[f] - 1] >= Eit.Points[f * Eit.LevelStride] ? (byte)(Eit.LevelCounts[f] - 1) : (byte)0)
            .ToArray();

        Assert.Equal(ResponseSignal.None, patterns.Of(best));
    }

    [Fact]
    public void A_contradiction_in_one_indicator_is_enough_while_the_rest_varies()
    {
        var patterns = new AnswerPatterns(Eit);
        var fields = Eit.Questionnaire.AnswerFields().ToList();
        var levels = All(n => (byte)(n == 4 ? 1 : 0));
        for (var f = 0; f < fields.Count; f++)
        {
            if (fields[f].Question.Indicator == "6")
            {
                levels[f] = (byte)(Eit.LevelCounts[f] - 1);
            }
        }

        Assert.True(patterns.IsContradictory(levels));
        Assert.False(patterns.IsStraightLined(levels));
    }

    [Theory]
    [InlineData(29.9, 30, true)]
    [InlineData(30, 30, false)]
    [InlineData(-2, 30, true)]
    [InlineData(89, 90, true)]
    [InlineData(600, 90, false)]
    public void Too_fast_is_a_class_under_the_threshold(double seconds, int threshold, bool tooFast) =>
        Assert.Equal(tooFast ? ResponseSignal.TooFast : ResponseSignal.None, SpeedClass.Of(TimeSpan.FromSeconds(seconds), threshold));

    [Fact]
    public void Signal_codes_are_stable_for_exports()
    {
        Assert.Equal("", ResponseSignals.Codes(ResponseSignal.None));
        Assert.Equal("too-fast;duplicate", ResponseSignals.Codes(ResponseSignal.Duplicate | ResponseSignal.TooFast));
        Assert.Equal(ResponseSignal.TooFast | ResponseSignal.StraightLined | ResponseSignal.Contradictory, ResponseSignals.Stored);
    }
}
