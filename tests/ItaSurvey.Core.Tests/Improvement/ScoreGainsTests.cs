using ItaSurvey.Core.Improvement;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Tests.Improvement;

/// <summary>
/// What each fix adds, against hand computations from the ITA arithmetic (ita.md): an OIT item
/// in a sub-indicator of n items adds 100/n to it, 1/5 of that to indicator 9 (1/2 to indicator
/// 10), half of that to OIT, and 0.40 of that to the total; an IIT question of indicator 3 adds
/// (100 − score)/6 to it, 1/5 to IIT and 0.30 of that to the total.
/// </summary>
public class ScoreGainsTests
{
    private static readonly string[] SeedMissing = ["O4", "O11", "O15", "O16", "O17", "O18", "O19", "O20", "O23", "O24", "O28", "O29", "O30", "O31"];

    [Theory]
    [InlineData("O4", 9)]   // 9.1: 100/9/5/2 × 0.4 = 0.4444
    [InlineData("O11", 8)]  // 9.2: 0.5
    [InlineData("O18", 7)]  // 9.3: 0.5714
    [InlineData("O28", 4)]  // 9.4: 1.0
    [InlineData("O29", 5)]  // 9.5: 0.8
    public void A_missing_item_of_indicator_9_adds_four_points_over_the_size_of_its_sub_indicator(string item, int itemsInSub)
    {
        var round = new RoundBuilder().Missing(SeedMissing);
        var result = round.Score();

        var (indicator, total) = ScoreGains.Of(round.Year.Model, result, "OIT", item, "9");

        Assert.Equal(100.0 / itemsInSub / 5, indicator, 9);
        Assert.Equal(4.0 / itemsInSub, total!.Value, 9);
    }

    [Theory]
    [InlineData("O34", 1.25)] // 10.1 of 8 items: 100/8/2/2 × 0.4
    [InlineData("O42", 5.0)]  // 10.2 of 2 items: 100/2/2/2 × 0.4
    public void A_missing_item_of_indicator_10_adds_ten_points_over_the_size_of_its_sub_indicator(string item, double expected)
    {
        var round = new RoundBuilder().Missing(item);
        var (_, total) = ScoreGains.Of(round.Year.Model, round.Score(), "OIT", item, "10");

        Assert.Equal(expected, total!.Value, 9);
    }

    [Fact]
    public void Disclosing_an_item_lands_exactly_on_the_total_of_the_round_rescored_with_it_disclosed()
    {
        var before = new RoundBuilder().Missing(SeedMissing);
        var after = new RoundBuilder().Missing([.. SeedMissing.Where(c => c != "O28")]);

        var (_, gain) = ScoreGains.Of(before.Year.Model, before.Score(), "OIT", "O28", "9");

        Assert.Equal(after.Score().Total!.Value - new RoundBuilder().Missing(SeedMissing).Score().Total!.Value, gain!.Value, 12);
    }

    [Fact]
    public void A_weak_question_gains_what_the_round_rescored_from_answers_at_full_points_gains()
    {
        // I13 at 33.33 and I18 (sub-items, reverse-scored) at 66.67: I13 stakes 0.3 × (200/3)/6/5 = 2/3, I18 1/3.
        var round = new RoundBuilder().Field("I13", 100.0 / 3).Field("I18.3", 0);
        var result = round.Score();

        var (i13Indicator, i13) = ScoreGains.Of(round.Year.Model, result, "IIT", "I13", "3");
        var (_, i18) = ScoreGains.Of(round.Year.Model, result, "IIT", "I18", "3");

        Assert.Equal(200.0 / 3 / 6, i13Indicator, 9);
        Assert.Equal(2.0 / 3, i13!.Value, 9);
        Assert.Equal(1.0 / 3, i18!.Value, 9);
        var answeredFully = new RoundBuilder().Field("I18.3", 0).Score();
        Assert.Equal(answeredFully.Total!.Value - result.Total!.Value, i13.Value, 12);
    }

    [Fact]
    public void An_eit_question_is_weighted_by_the_eit_instrument()
    {
        // E2 at 33.33 in indicator 6 (5 questions) of EIT (3 indicators): 0.3 × (200/3)/5/3 = 4/3.
        var round = new RoundBuilder().Field("E2", 100.0 / 3);
        var (_, total) = ScoreGains.Of(round.Year.Model, round.Score(), "EIT", "E2", "6");

        Assert.Equal(4.0 / 3, total!.Value, 9);
    }

    [Fact]
    public void The_draft_ranks_every_missing_item_and_weak_question_by_what_it_adds_to_the_total()
    {
        var round = new RoundBuilder().Missing("O4", "O28", "O42").Field("I13", 100.0 / 3).Field("E2", 100.0 / 3);
        var draft = ImprovementPlanner.Draft(round.Year, round.Score(), ["O4", "O28", "O42"]);

        // O42 5.00 (10.2 of 2 items, now 1/2) · E2 1.33 · O28 1.00 · I13 0.67 · O4 0.44
        Assert.Equal(["O42", "E2", "O28", "I13", "O4"], draft.Gains.Select(g => g.Code));
        Assert.Equal(["5.00", "1.33", "1.00", "0.67", "0.44"], draft.Gains.Select(g => ScoreRounding.Display(g.TotalGain)));
        Assert.Equal(WeaknessSource.OitItem, draft.Gains[0].Source);
        Assert.Equal(WeaknessSource.Question, draft.Gains[1].Source);
        Assert.Equal("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", draft.Gains[0].Text);
    }

    [Fact]
    public void Rescoring_with_nothing_changed_reproduces_the_result()
    {
        var round = new RoundBuilder().Missing(SeedMissing).Field("I13", 0);
        var result = round.Score();

        var again = AssessmentScorer.Score(round.Year.Model, result.Questionnaires.Values);

        Assert.Equal(result.Total, again.Total);
        Assert.Equal(result.Indicators.Select(i => i.Score), again.Indicators.Select(i => i.Score));
    }

    [Fact]
    public void Without_a_total_the_gain_in_the_total_is_unknown_but_the_indicator_gain_is_given()
    {
        var year = Surveys.Year(2565);
        var oit = new CompiledQuestionnaire(year.Model, year.Questionnaire("OIT")).NewTally();
        foreach (var code in oit.Questionnaire.FieldCodes)
        {
            oit.Add(code, code == "O28" ? 0 : 1, 1);
        }
        var result = AssessmentScorer.Score(year.Model, [oit]); // no IIT, no EIT: no total

        var (indicator, total) = ScoreGains.Of(year.Model, result, "OIT", "O28", "9");

        Assert.Null(total);
        Assert.Equal(5, indicator, 9);
    }
}
