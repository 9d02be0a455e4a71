using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Tests;

/// <summary>The published figures of ../shared/domain/ita.md, reproduced to 0.01.</summary>
public class PublishedChecksTests
{
    [Theory]
    // Up to 2565 the rules were the same; 2563 is checked against the 2564 model.
    [InlineData("ตราด 2564", 2564, new[] { 93.55, 87.72, 91.01, 87.93, 89.52, 90.55, 88.68, 88.58, 72.89, 65.56 }, "81.45", "B")]
    [InlineData("ตราด 2563", 2564, new[] { 92.57, 86.13, 90.08, 85.98, 88.04, 83.67, 82.11, 79.29, 69.94, 52.78 }, "75.62", "B")]
    [InlineData("จันทบุรี 2564", 2564, new[] { 92.84, 86.27, 89.21, 84.70, 87.51, 90.03, 87.99, 85.97, 75.39, 65.39 }, "80.99", "B")]
    [InlineData("นครนายก 2564", 2564, new[] { 94.65, 89.11, 91.95, 89.29, 89.86, 92.12, 89.90, 89.49, 65.89, 51.15 }, "77.85", "B")]
    public void Indicator_scores_combine_into_the_published_total(string agency, int rules, double[] indicators, string expectedTotal, string expectedRating)
    {
        var model = Surveys.Year(rules).Model;
        var scores = indicators.Select((s, i) => (Code: (i + 1).ToString(), s)).ToDictionary(x => x.Code, x => x.s);

        var result = AssessmentScorer.FromIndicatorScores(model, scores);

        Assert.True(expectedTotal == ScoreRounding.Display(result.Total), $"{agency}: total {result.Total}");
        Assert.Equal(expectedRating, result.Rating!.Code);
    }

    [Fact]
    public void Thai_PBS_2566_total_95_81_is_rated_passed_good_not_passed_excellent()
    {
        // Only the total (95.81) and the rating (ผ่านดี) were published. These instrument scores are
        // plausible ones that give that total, with every instrument at 85 or more and one (EIT) below
        // 95: what the unconfirmed 2566 rules need for ผ่านดี. They are not Thai PBS's real scores.
        var model = Surveys.Year(2566).Model;
        var scores = Indicators(iit: 96.40, eit: 93.30, oit: 97.26);

        var result = AssessmentScorer.FromIndicatorScores(model, scores);

        Assert.Equal("95.81", ScoreRounding.Display(result.Total));
        Assert.Equal("passed-good", result.Rating!.Code);
        Assert.Equal("ผ่านดี", result.Rating.Name.Th);
    }

    [Theory]
    [InlineData(2566)]
    [InlineData(2568)]
    public void A_total_of_95_81_with_every_instrument_at_95_would_be_passed_excellent(int year)
    {
        // The other side of the Thai PBS case: the total alone does not decide the level.
        var result = AssessmentScorer.FromIndicatorScores(Surveys.Year(year).Model, Indicators(iit: 96.40, eit: 95.00, oit: 95.975));

        Assert.Equal("95.81", ScoreRounding.Display(result.Total));
        Assert.Equal("passed-excellent", result.Rating!.Code);
    }

    [Fact]
    public void The_Office_of_the_Auditor_General_2568_total_94_64_with_EIT_below_85_is_rated_passed()
    {
        // Published: total 94.64, EIT below 85, rated ผ่าน. IIT 99 and OIT 98.975 are plausible values
        // that give the total with an EIT of 84.50; the real instrument scores were not seen.
        var model = Surveys.Year(2568).Model;
        var scores = Indicators(iit: 99.00, eit: 84.50, oit: 98.975);

        var result = AssessmentScorer.FromIndicatorScores(model, scores);

        Assert.Equal("94.64", ScoreRounding.Display(result.Total));
        Assert.Equal("84.50", ScoreRounding.Display(result.Instrument("EIT").Score));
        Assert.Equal("passed", result.Rating!.Code);
        Assert.Equal("ผ่าน", result.Rating.Name.Th);
    }

    /// <summary>Indicator scores that give these instrument scores: every indicator of an instrument alike.</summary>
    private static Dictionary<string, double> Indicators(double iit, double eit, double oit) =>
        Enumerable.Range(1, 10).ToDictionary(i => i.ToString(), i => i <= 5 ? iit : i <= 8 ? eit : oit);

    [Fact]
    public void The_instrument_scores_are_plain_means_of_their_indicators()
    {
        var model = Surveys.Year(2564).Model;
        var scores = new[] { 93.55, 87.72, 91.01, 87.93, 89.52, 90.55, 88.68, 88.58, 72.89, 65.56 }
            .Select((s, i) => ((i + 1).ToString(), s)).ToDictionary();

        var result = AssessmentScorer.FromIndicatorScores(model, scores);

        Assert.Equal(89.946, result.Instrument("IIT").Score!.Value, 9);
        Assert.Equal(89.27, result.Instrument("EIT").Score!.Value, 9);
        Assert.Equal(69.225, result.Instrument("OIT").Score!.Value, 9);
        Assert.Equal(81.4548, result.Total!.Value, 9);
    }

    [Theory]
    [InlineData(new[] { "O1" }, "9", "97.78")]
    [InlineData(new[] { "O10", "O29" }, "9", "93.50")]
    [InlineData(new[] { "O18" }, "9", "97.14")]
    [InlineData(new[] { "O34" }, "10", "93.75")]
    [InlineData(new[] { "O34", "O35" }, "10", "87.50")]
    public void Missing_OIT_items_give_the_published_indicator_scores(string[] missing, string indicator, string expected)
    {
        var result = ScoreOit(Surveys.Year(2565), missing);

        Assert.Equal(expected, ScoreRounding.Display(result.Indicator(indicator).Score));
    }

    [Fact]
    public void One_item_missing_in_9_1_and_one_in_10_1_weigh_38_31_in_the_total()
    {
        var result = ScoreOit(Surveys.Year(2565), ["O1", "O34"]);

        Assert.Equal("97.78", ScoreRounding.Display(result.Indicator("9").Score));
        Assert.Equal("93.75", ScoreRounding.Display(result.Indicator("10").Score));
        Assert.Equal("38.31", ScoreRounding.Display(result.Instrument("OIT").Weighted));
    }

    [Fact]
    public void A_question_scores_the_mean_of_its_sub_items()
    {
        // One respondent per sub-item on a scale whose levels carry the published sub-item scores.
        var (model, questionnaire) = TestModels.OneQuestion(points: [98.59, 98.94, 98.10], items: 3);
        var compiled = new CompiledQuestionnaire(model, questionnaire);
        var tally = compiled.NewTally();
        tally.Add([0, 1, 2]);

        var question = QuestionnaireScorer.Score(tally).Questions.Single();

        Assert.Equal("98.54", ScoreRounding.Display(question.Score));
        Assert.Equal([98.59, 98.94, 98.10], question.Fields.Select(f => f.Score!.Value));
    }

    internal static AssessmentResult ScoreOit(Model.SurveyYear year, IReadOnlyCollection<string> missing)
    {
        var compiled = new CompiledQuestionnaire(year.Model, year.Questionnaire("OIT"));
        var tally = compiled.NewTally();
        foreach (var code in compiled.FieldCodes)
        {
            tally.Add(code, level: missing.Contains(code) ? 0 : 1, count: 1); // YN: 0 = ไม่มี, 1 = มี
        }
        return AssessmentScorer.Score(year.Model, [tally]);
    }
}
