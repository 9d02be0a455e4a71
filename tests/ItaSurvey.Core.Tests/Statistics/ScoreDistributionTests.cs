using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Core.Tests.Statistics;

public class ScoreDistributionTests
{
    [Fact]
    public void Quartiles_match_the_spreadsheet_definition()
    {
        // Sorted 60, 70, 80, 85, 90, 95: R-7 puts Q1 at rank 1 + 0.25·5 = 2.25 → 70 + 0.25·10 = 72.5,
        // the median at rank 3.5 → 82.5, Q3 at rank 4.75 → 85 + 0.75·5 = 88.75.
        var d = ScoreDistribution.Of([90, 60, 95, 70, 85, 80]);

        Assert.Equal(6, d.N);
        Assert.Equal(80, d.Mean!.Value, 12);
        Assert.Equal(82.5, d.Median!.Value, 12);
        Assert.Equal(72.5, d.LowerQuartile!.Value, 12);
        Assert.Equal(88.75, d.UpperQuartile!.Value, 12);
        Assert.Equal(60, d.Min);
        Assert.Equal(95, d.Max);
    }

    [Fact]
    public void Bins_are_five_points_wide_and_100_falls_in_the_last()
    {
        var d = ScoreDistribution.Of([0, 4.99, 5, 84.99, 85, 99.99, 100]);

        Assert.Equal(20, d.Bins.Count);
        Assert.Equal((0, 5, 2), (d.Bins[0].From, d.Bins[0].To, d.Bins[0].Count));
        Assert.Equal(1, d.Bins[1].Count);
        Assert.Equal(1, d.Bins[16].Count); // 80–85
        Assert.Equal(1, d.Bins[17].Count); // 85–90
        Assert.Equal((95, 100, 2), (d.Bins[19].From, d.Bins[19].To, d.Bins[19].Count));
        Assert.Equal(7, d.Bins.Sum(b => b.Count));
    }

    [Fact]
    public void No_scores_give_empty_bins_and_no_summary()
    {
        var d = ScoreDistribution.Of([]);

        Assert.Equal(0, d.N);
        Assert.Null(d.Median);
        Assert.Null(d.Mean);
        Assert.All(d.Bins, b => Assert.Equal(0, b.Count));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    [InlineData(double.NaN)]
    public void A_score_outside_0_to_100_is_refused(double score) =>
        Assert.Throws<ArgumentException>(() => ScoreDistribution.Of([50, score]));

    [Fact]
    public void A_bin_width_that_does_not_divide_100_is_refused() =>
        Assert.Throws<ArgumentException>(() => ScoreDistribution.Of([50], binWidth: 7));
}
