using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Core.Tests.Statistics;

public class ScoreEstimateTests
{
    // Student's sleep data, group 1 (R's `sleep`), shifted by 80 to look like scores. R's
    // t.test(sleep$extra[1:10]) gives mean 0.75 and 95 % CI [-0.5297804, 2.0297804].
    private static readonly double[] SleepGroup1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];

    [Fact]
    public void A_small_sample_gets_the_textbook_t_interval()
    {
        var scores = SleepGroup1.Select(x => x + 80).ToArray();

        var estimate = ScoreEstimate.Of(SampleSummary.Of(scores))!;

        Assert.Equal(80.75, estimate.Mean, 9);
        Assert.Equal(10, estimate.N);
        Assert.Equal(1.7890097, estimate.StdDev!.Value, 6);
        Assert.Equal(79.4702196, estimate.Lower!.Value, 6);
        Assert.Equal(82.0297804, estimate.Upper!.Value, 6);
    }

    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(3, 3.182)]
    [InlineData(9, 2.262)]
    [InlineData(29, 2.045)]
    [InlineData(1000, 1.962)]
    public void The_t_quantile_matches_the_printed_table(int degreesOfFreedom, double table)
    {
        Assert.Equal(table, StudentTQuantile.TwoSided(0.95, degreesOfFreedom), 3);
    }

    [Fact]
    public void The_interval_is_clipped_to_the_score_range()
    {
        var estimate = ScoreEstimate.Of(SampleSummary.Of([100, 0]))!;

        Assert.Equal(0, estimate.Lower);
        Assert.Equal(100, estimate.Upper);
    }

    [Fact]
    public void Fewer_than_two_respondents_give_no_interval_and_none_give_no_estimate()
    {
        var one = ScoreEstimate.Of(SampleSummary.Of([87.5]))!;

        Assert.Equal(87.5, one.Mean);
        Assert.False(one.HasInterval);
        Assert.Null(one.StdDev);
        Assert.False(one.CrossesThreshold(87.5));
        Assert.Null(ScoreEstimate.Of(SampleSummary.Of([])));
    }

    [Fact]
    public void The_interval_shrinks_as_the_sample_grows()
    {
        var widths = new List<double>();
        foreach (var n in new[] { 5, 20, 100, 1000, 10000 })
        {
            var sample = new SampleSummary(n, 86, 150);
            var estimate = ScoreEstimate.Of(sample)!;
            widths.Add(estimate.Upper!.Value - estimate.Lower!.Value);
        }

        Assert.Equal(widths.OrderByDescending(w => w), widths);
        Assert.True(widths[^1] < 0.5);
    }

    [Fact]
    public void An_interval_that_contains_the_pass_line_is_flagged_and_one_above_it_is_not()
    {
        var near = new ScoreEstimate(86, 30, 5, 84.1, 87.9);
        var clear = new ScoreEstimate(92, 30, 5, 90.1, 93.9);

        Assert.True(near.CrossesThreshold(85));
        Assert.False(clear.CrossesThreshold(85));
    }

    [Fact]
    public void A_sample_below_the_minimum_is_flagged()
    {
        var estimate = ScoreEstimate.Of(new SampleSummary(29, 90, 25))!;

        Assert.True(estimate.IsBelowMinimum(30));
        Assert.False(estimate.IsBelowMinimum(29));
    }

    [Fact]
    public void A_confidence_level_outside_zero_and_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreEstimate.Of(new SampleSummary(10, 90, 4), 95));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreEstimate.Of(new SampleSummary(10, 90, -4)));
    }
}
