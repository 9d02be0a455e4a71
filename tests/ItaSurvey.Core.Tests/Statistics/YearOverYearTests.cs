using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Core.Tests.Statistics;

public class YearOverYearTests
{
    private static readonly double[] SleepGroup1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] SleepGroup2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [Fact]
    public void Welchs_test_reproduces_Rs_sleep_example()
    {
        // R: t.test(extra ~ group, data = sleep) → t = -1.8608, df = 17.776, p-value = 0.07939,
        // 95 % CI of group 1 − group 2: [-3.3654832, 0.2054832].
        var change = YearOverYear.Compare(SampleSummary.Of(SleepGroup2), SampleSummary.Of(SleepGroup1));

        Assert.Equal(-1.58, change.Difference!.Value, 9);
        Assert.Equal(-1.861, change.T!.Value, 3);
        Assert.Equal(17.776, change.DegreesOfFreedom!.Value, 3);
        Assert.Equal(0.079, change.PValue!.Value, 3);
        Assert.Equal(-3.3654832, change.Lower!.Value, 5);
        Assert.Equal(0.2054832, change.Upper!.Value, 5);
        Assert.Equal(ChangeVerdict.NotSignificant, change.Verdict);
        Assert.Equal("No significant change (p = 0.079).", change.Message.En);
    }

    [Fact]
    public void Welchs_test_reproduces_a_published_significant_example()
    {
        // golang.org/x/perf's stats tests (checked against R): {2,1,3,4} vs {6,5,7,9} gives
        // t = -3.9703446152237674, df = 5.584615384615385, p = 0.0085128631313781695.
        var change = YearOverYear.Compare(SampleSummary.Of([6, 5, 7, 9]), SampleSummary.Of([2, 1, 3, 4]));

        Assert.Equal(-3.9703446152237674, change.T!.Value, 9);
        Assert.Equal(5.584615384615385, change.DegreesOfFreedom!.Value, 9);
        Assert.Equal(0.0085128631313781695, change.PValue!.Value, 6);
        Assert.Equal(ChangeVerdict.Fell, change.Verdict);
        Assert.True(change.IsSignificant);
        Assert.Equal("ลดลงอย่างมีนัยสำคัญทางสถิติ (p = 0.009)", change.Message.Th);
    }

    [Fact]
    public void A_large_rise_between_big_samples_is_significant()
    {
        var change = YearOverYear.Compare(new SampleSummary(400, 82.1, 120), new SampleSummary(420, 86.4, 110));

        Assert.Equal(ChangeVerdict.Rose, change.Verdict);
        Assert.True(change.PValue < 0.001);
        Assert.Equal("Rose significantly (p < 0.001).", change.Message.En);
        Assert.True(change.Lower > 0);
    }

    [Fact]
    public void A_year_with_fewer_than_two_respondents_is_not_tested_and_says_why()
    {
        var change = YearOverYear.Compare(SampleSummary.Of([80]), SampleSummary.Of([90, 85, 88]));

        Assert.Equal(ChangeVerdict.TooFewRespondents, change.Verdict);
        Assert.Equal(7.666666666666, change.Difference!.Value, 9);
        Assert.Null(change.T);
        Assert.Null(change.PValue);
        Assert.Contains("fewer than 2", change.Message.En);
    }

    [Fact]
    public void Two_years_without_any_spread_are_not_tested_and_say_why()
    {
        var change = YearOverYear.Compare(SampleSummary.Of([80, 80, 80]), SampleSummary.Of([90, 90]));

        Assert.Equal(ChangeVerdict.NoVariance, change.Verdict);
        Assert.Equal(10, change.Difference);
        Assert.Null(change.PValue);
        Assert.Contains("ไม่มีความแปรปรวน", change.Message.Th);
    }

    [Fact]
    public void One_year_without_spread_leaves_the_other_years_degrees_of_freedom()
    {
        var change = YearOverYear.Compare(new SampleSummary(12, 80, 0), new SampleSummary(8, 84, 16));

        Assert.Equal(7, change.DegreesOfFreedom!.Value, 9);
        Assert.Equal(4 / Math.Sqrt(2), change.T!.Value, 9);
    }

    [Fact]
    public void An_empty_year_has_no_difference()
    {
        var change = YearOverYear.Compare(default, SampleSummary.Of([90, 85]));

        Assert.Null(change.Difference);
        Assert.Equal(ChangeVerdict.TooFewRespondents, change.Verdict);
    }
}
