using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Core.Tests.Statistics;

public class ScoreTrendTests
{
    [Fact]
    public void Scores_on_a_straight_line_give_that_line_and_r_squared_1()
    {
        var trend = ScoreTrend.Fit([new(2563, 80), new(2564, 81.5), new(2565, 83), new(2566, 84.5)])!;

        Assert.Equal(1.5, trend.Slope, 9);
        Assert.Equal(80 - (1.5 * 2563), trend.Intercept, 6);
        Assert.Equal(1, trend.RSquared!.Value, 12);
        Assert.Equal(86, trend.Projection.Value, 9);
        Assert.Equal(86, trend.Projection.Lower!.Value, 9);
        Assert.Equal(86, trend.Projection.Upper!.Value, 9);
    }

    [Fact]
    public void Scattered_scores_give_the_hand_computed_fit_and_prediction_interval()
    {
        // x̄ = 2564, ȳ = 82.8, Sxx = 10, Sxy = 15 → slope 1.5; SSreg = 22.5 of SStot = 26.8;
        // ŷ(2567) = 87.3, s² = 4.3 / 3, margin = t(0.975, 3) · s · √(1 + 1/5 + 9/10) = 5.521.
        var trend = ScoreTrend.Fit([new(2566, 86), new(2562, 80), new(2563, 82), new(2564, 81), new(2565, 85)])!;

        Assert.Equal(5, trend.Points);
        Assert.Equal(1.5, trend.Slope, 9);
        Assert.Equal(82.8, trend.ValueAt(2564), 9);
        Assert.Equal(22.5 / 26.8, trend.RSquared!.Value, 9);
        Assert.Equal(2567, trend.Projection.FiscalYear);
        Assert.True(trend.Projection.IsProjection);
        Assert.Equal(87.3, trend.Projection.Value, 9);
        Assert.Equal(81.779, trend.Projection.Lower!.Value, 3);
        Assert.Equal(92.821, trend.Projection.Upper!.Value, 3);
    }

    [Fact]
    public void Two_years_give_a_projection_without_an_interval()
    {
        var trend = ScoreTrend.Fit([new(2565, 70), new(2566, 75)])!;

        Assert.Equal(5, trend.Slope, 9);
        Assert.Equal(80, trend.Projection.Value, 9);
        Assert.Null(trend.Projection.Lower);
        Assert.Null(trend.Projection.Upper);
    }

    [Fact]
    public void A_projection_past_100_is_clipped_for_display()
    {
        var trend = ScoreTrend.Fit([new(2564, 90), new(2565, 95), new(2566, 99)])!;

        Assert.Equal(100, trend.Projection.Value);
        Assert.Equal(100, trend.Projection.Upper);
        Assert.True(trend.ValueAt(2567) > 100);
    }

    [Fact]
    public void A_score_that_never_changed_has_a_flat_trend_and_no_r_squared()
    {
        var trend = ScoreTrend.Fit([new(2564, 88), new(2565, 88), new(2566, 88)])!;

        Assert.Equal(0, trend.Slope, 9);
        Assert.Null(trend.RSquared);
        Assert.Equal(88, trend.Projection.Value, 9);
    }

    [Fact]
    public void Gaps_between_years_are_measured_in_years()
    {
        var trend = ScoreTrend.Fit([new(2562, 80), new(2566, 88)])!;

        Assert.Equal(2, trend.Slope, 9);
        Assert.Equal(2567, trend.Projection.FiscalYear);
        Assert.Equal(90, trend.Projection.Value, 9);
    }

    [Fact]
    public void One_year_has_no_trend_and_a_repeated_year_is_rejected()
    {
        Assert.Null(ScoreTrend.Fit([new(2566, 88)]));
        Assert.Throws<ArgumentException>(() => ScoreTrend.Fit([new(2566, 88), new(2566, 90)]));
    }
}
