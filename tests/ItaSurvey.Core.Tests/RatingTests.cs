using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Tests;

public class RatingTests
{
    [Theory]
    [InlineData(100, "AA")]
    [InlineData(95, "AA")]
    [InlineData(94.99, "A")]
    [InlineData(84.995, "A")] // shown as 85.00, so it passes as published
    [InlineData(84.994, "B")]
    [InlineData(75, "B")]
    [InlineData(65, "C")]
    [InlineData(55, "D")]
    [InlineData(50, "E")]
    [InlineData(49.99, "F")]
    [InlineData(0, "F")]
    public void Up_to_2565_a_total_falls_in_the_AA_to_F_bands(double total, string expected)
    {
        var rating = Surveys.Year(2565).Model.Rating.Rate(total, [total, total, total]);

        Assert.Equal(expected, rating.Code);
    }

    // The thresholds are unconfirmed (one university's public code); the names are the NACC's.
    public static TheoryData<int, double, double, double, double, string> FromYear2566 { get; } = Cases();

    private static TheoryData<int, double, double, double, double, string> Cases()
    {
        var data = new TheoryData<int, double, double, double, double, string>();
        foreach (var year in new[] { 2566, 2567, 2568 })
        {
            data.Add(year, 96, 95, 97, 98, "passed-excellent");
            data.Add(year, 96, 94.99, 97, 98, "passed-good");   // ผ่านดีเยี่ยม needs every instrument at 95
            data.Add(year, 96, 90, 84.99, 98, "passed");         // the higher levels need every instrument at 85
            data.Add(year, 94.64, 99, 84.5, 99, "passed");       // the 2568 case: EIT below 85 holds the agency at ผ่าน
            data.Add(year, 91, 90, 88, 94, "passed-good");
            data.Add(year, 85, 85, 85, 85, "passed-good");
            data.Add(year, 85, 80, 86, 88, "passed");
            data.Add(year, 84.99, 90, 90, 77, "failed");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FromYear2566))]
    public void From_2566_higher_levels_also_need_each_instrument_at_a_floor(int year, double total, double iit, double eit, double oit, string expected)
    {
        var model = Surveys.Year(year).Model;

        var rating = model.Rating.Rate(total, [iit, eit, oit]);

        Assert.Equal(expected, rating.Code);
        Assert.Equal(expected != "failed", rating.Passed);
    }

    [Theory]
    [InlineData(2566)]
    [InlineData(2567)]
    [InlineData(2568)]
    public void From_2566_the_levels_carry_their_Thai_names(int year)
    {
        var names = Surveys.Year(year).Model.Rating.Levels.Select(l => l.Name.Th);

        Assert.Equal(["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ไม่ผ่าน"], names);
    }

    [Theory]
    [InlineData(2566)]
    [InlineData(2567)]
    [InlineData(2568)]
    public void The_higher_thresholds_say_they_are_unconfirmed_and_where_they_come_from(int year)
    {
        var rating = Surveys.Year(year).Model.Rating;

        Assert.Contains("unconfirmed", rating.Note, StringComparison.Ordinal);
        Assert.Contains("one university's public code", rating.Note, StringComparison.Ordinal);
        Assert.All(rating.Levels.Where(l => l.MinEachInstrument is not null), l => Assert.StartsWith("Unconfirmed thresholds", l.Note, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(87.965, "87.97")]
    [InlineData(87.17, "87.17")]
    [InlineData(53.985, "53.99")]
    [InlineData(100, "100.00")]
    public void Scores_are_shown_with_two_decimals_rounded_half_away_from_zero(double value, string shown)
    {
        Assert.Equal(shown, ScoreRounding.Display(value));
    }

    [Fact]
    public void A_missing_score_is_shown_as_a_dash()
    {
        Assert.Equal("–", ScoreRounding.Display(null));
    }

    [Theory]
    [InlineData(20, 20)]   // fewer than 30: everyone
    [InlineData(30, 30)]
    [InlineData(100, 30)]  // 10 % is 10, the floor is 30
    [InlineData(350, 35)]
    [InlineData(351, 36)]
    public void The_IIT_minimum_sample_follows_the_year_rule(int headcount, int minimum)
    {
        Assert.Equal(minimum, Surveys.Year(2566).Model.MinimumSample.Iit.MinimumFor(headcount));
    }

    [Fact]
    public void The_EIT_minimum_depends_on_the_agency_group()
    {
        var eit = Surveys.Year(2566).Model.MinimumSample.Eit;

        Assert.Equal(60, eit.MinimumFor("tambon-municipality-s"));
        Assert.Equal(400, eit.MinimumFor("university"));
        Assert.Null(eit.MinimumFor("no-such-group"));
    }
}
