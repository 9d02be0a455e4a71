using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Versions;

namespace ItaSurvey.Core.Tests.Versions;

public class LayoutCheckTests
{
    private static readonly SurveyYear Year = Drafts.Year2566;

    [Fact]
    public void An_identical_version_is_compatible()
    {
        var result = LayoutCheck.Compare(Year, Year with { });

        Assert.True(result.IsCompatible);
        Assert.Empty(result.Reasons);
        Assert.Equal((2566, 2566), (result.FromYear, result.ToYear));
    }

    [Fact]
    public void The_perception_layouts_reuse_the_compiled_fingerprint()
    {
        foreach (var instrument in new[] { "IIT", "EIT" })
        {
            var compiled = new CompiledQuestionnaire(Year.Model, Year.Questionnaire(instrument));

            var layout = AnswerLayout.Of(Year.Model, Year.Questionnaire(instrument));

            Assert.False(layout.ByItemCode);
            Assert.Equal(compiled.Fingerprint, layout.Fingerprint);
            Assert.Equal(compiled.FieldCodes, layout.Fields.Select(f => f.Code));
            Assert.Equal(compiled.LevelCounts.Select(l => (int)l), layout.Fields.Select(f => f.Levels));
        }
        var oit = AnswerLayout.Of(Year)["OIT"];
        Assert.True(oit.ByItemCode);
        Assert.Equal(43, oit.Fields.Count);
        Assert.NotNull(oit.Fingerprint);
    }

    [Fact]
    public void Wording_indicators_points_weights_ratings_and_scales_of_the_same_size_may_differ()
    {
        var b4 = Year.Model.FindScale("A4")! with { Code = "B4" };
        var draft = Year
            .WithQuestion("IIT", "I13", q => q with { Text = new LocalizedText("ถ้อยคำใหม่"), Indicator = "4" })
            .WithQuestion("IIT", "I9", q => q with { Direction = Direction.Positive })
            .WithQuestion("EIT", "E2", q => q with { Scale = "B4" })
            .WithScale("A4", s => s with { Levels = s.Levels.Replace(1, s.Levels[1] with { Points = 30 }) })
            .WithModel(m => m with { Scales = [.. m.Scales, b4] })
            .WithInstrument("IIT", i => i with { Weight = 0.2 })
            .WithRatingLevel("passed", l => l with { MinTotal = 80 })
            .WithQuestion("OIT", "O10", q => q with { SubIndicator = "9.2", Text = new LocalizedText("นโยบาย") })
            .WithQuestions("OIT", qs => qs.Swap(0, 1));

        Assert.True(LayoutCheck.Compare(Year, draft).IsCompatible);
        Assert.True(YearDiff.Between(Year, draft).HasSubstantiveChanges);
    }

    [Fact]
    public void A_sub_item_removed_is_incompatible_and_named()
    {
        var draft = Year.WithQuestion("IIT", "I1", q => q with { Items = [q.Items![0]] });

        var result = LayoutCheck.Compare(Year, draft);

        Assert.False(result.IsCompatible);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal((LayoutProblem.FieldRemoved, "IIT"), (reason.Problem, reason.Instrument));
        Assert.Equal(["I1.2"], reason.Fields);
        Assert.Equal("IIT: ข้อ I1.2 ไม่มีในฉบับใหม่", reason.Message.Th);
        Assert.Equal("IIT: field I1.2 is not in the new version.", reason.Message.En);
    }

    [Fact]
    public void Many_fields_removed_name_the_first_three()
    {
        var draft = Year.WithQuestions("EIT", qs => qs.Take(10));

        var reason = Assert.Single(LayoutCheck.Compare(Year, draft).Reasons);

        Assert.Equal(["E11", "E12", "E13", "E14", "E15"], reason.Fields);
        Assert.Equal("EIT: ข้อ E11, E12, E13 และอีก 2 ข้อ ไม่มีในฉบับใหม่", reason.Message.Th);
        Assert.Equal("EIT: fields E11, E12, E13 and 2 more are not in the new version.", reason.Message.En);
    }

    [Fact]
    public void A_field_with_another_number_of_levels_is_incompatible()
    {
        var a5 = new AnswerScale("A5", [.. Year.Model.FindScale("A4")!.Levels, new ScaleLevel(new LocalizedText("มากที่สุดแน่นอน"), 100)]);
        var draft = Year.WithModel(m => m with { Scales = [.. m.Scales, a5] }).WithQuestion("EIT", "E2", q => q with { Scale = "A5" });

        var reason = Assert.Single(LayoutCheck.Compare(Year, draft).Reasons);

        Assert.Equal(LayoutProblem.LevelCountDiffers, reason.Problem);
        Assert.Equal("EIT: ข้อ E2 มี 4 ระดับคำตอบในฉบับเดิม แต่ 5 ระดับในฉบับใหม่", reason.Message.Th);
        Assert.Equal("EIT: field E2 has 4 answer levels in the old version but 5 in the new one.", reason.Message.En);
    }

    [Fact]
    public void A_scale_that_grows_names_the_first_field_and_counts_the_rest()
    {
        var draft = Year.WithScale("YN", s => s with { Levels = [.. s.Levels, new ScaleLevel(new LocalizedText("ไม่แน่ใจ"), 50)] });

        var result = LayoutCheck.Compare(Year, draft);

        Assert.Equal(["IIT", "EIT"], result.Reasons.Select(r => r.Instrument));
        Assert.All(result.Reasons, r => Assert.Equal(LayoutProblem.LevelCountDiffers, r.Problem));
        Assert.StartsWith("IIT: ข้อ I4.1 มี 2 ระดับคำตอบในฉบับเดิม แต่ 3 ระดับในฉบับใหม่ (และอีก", result.Reasons[0].Message.Th);
        Assert.Equal("I4.1", result.Reasons[0].Fields[0]);
    }

    [Fact]
    public void Reordered_questions_are_incompatible_for_IIT_but_not_for_OIT()
    {
        var draft = Year.WithQuestions("IIT", qs => qs.Swap(1, 2)).WithQuestions("OIT", qs => qs.Swap(1, 2));

        var reason = Assert.Single(LayoutCheck.Compare(Year, draft).Reasons);

        Assert.Equal((LayoutProblem.OrderDiffers, "IIT"), (reason.Problem, reason.Instrument));
        Assert.Equal("IIT: the fields are in another order: I2 is field 3 in the old version but 6 in the new one.", reason.Message.En);
    }

    [Fact]
    public void An_OIT_item_added_is_incompatible()
    {
        var o44 = new Question("O44", "10", "YN", Direction.Positive, new LocalizedText("มาตรการส่งเสริมคุณธรรม"), "10.2");
        var draft = Year.WithQuestions("OIT", qs => [.. qs, o44]);

        var reason = Assert.Single(LayoutCheck.Compare(Year, draft).Reasons);

        Assert.Equal((LayoutProblem.FieldAdded, "OIT"), (reason.Problem, reason.Instrument));
        Assert.Equal("OIT: ข้อ O44 มีเฉพาะในฉบับใหม่", reason.Message.Th);
        Assert.Equal("OIT: item O44 is only in the new version.", reason.Message.En);
        Assert.Single(YearDiff.Between(Year, draft));
    }

    [Fact]
    public void An_OIT_item_renumbered_is_incompatible_both_ways()
    {
        var draft = Year.WithQuestion("OIT", "O43", q => q with { Code = "O44" });

        var reasons = LayoutCheck.Compare(Year, draft).Reasons;

        Assert.Equal([LayoutProblem.FieldRemoved, LayoutProblem.FieldAdded], reasons.Select(r => r.Problem));
        Assert.Equal("OIT: item O43 is not in the new version.", reasons[0].Message.En);
    }

    [Fact]
    public void An_instrument_in_one_version_only_is_incompatible()
    {
        var withoutOit = Year.WithoutQuestionnaire("OIT");

        var removed = Assert.Single(LayoutCheck.Compare(Year, withoutOit).Reasons);
        var added = Assert.Single(LayoutCheck.Compare(withoutOit, Year).Reasons);

        Assert.Equal((LayoutProblem.InstrumentRemoved, "OIT"), (removed.Problem, removed.Instrument));
        Assert.Equal("OIT: ฉบับใหม่ไม่มีแบบ OIT", removed.Message.Th);
        Assert.Equal((LayoutProblem.InstrumentAdded, "OIT"), (added.Problem, added.Instrument));
    }

    [Fact]
    public void A_scale_the_new_model_lacks_is_a_reason_not_an_exception()
    {
        var draft = Year.WithQuestion("IIT", "I2", q => q with { Scale = "X9" });

        var result = LayoutCheck.Compare(Year, draft);

        var reason = Assert.Single(result.Reasons);
        Assert.Equal((LayoutProblem.UndefinedScale, "I2"), (reason.Problem, reason.Fields[0]));
        Assert.Null(AnswerLayout.Of(draft)["IIT"].Fingerprint);
        Assert.Contains("X9", reason.Message.En);
    }

    [Fact]
    public void Another_fiscal_year_is_incompatible_even_with_the_same_layout()
    {
        var result = LayoutCheck.Compare(Surveys.Year(2565), Year);

        var reason = Assert.Single(result.Reasons);
        Assert.Equal((LayoutProblem.FiscalYearDiffers, null), (reason.Problem, reason.Instrument));
        Assert.Equal("The fiscal year differs: 2565 in the old version, 2566 in the new one.", reason.Message.En);
        Assert.False(YearDiff.Between(Surveys.Year(2565), Year).IsEmpty);
    }

    [Fact]
    public void The_same_year_relabelled_as_another_differs_only_in_the_year()
    {
        var relabelled = Year.WithModel(m => m with { FiscalYear = 2567 });

        var result = LayoutCheck.Compare(Year, relabelled);

        Assert.Equal([LayoutProblem.FiscalYearDiffers], result.Reasons.Select(r => r.Problem));
        Assert.Equal(ChangeKind.ValueChanged, Assert.Single(YearDiff.Between(Year, relabelled)).Kind);
    }
}
