using ItaSurvey.Core.Improvement;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Tests.Improvement;

/// <summary>The draft's two sections and their rows, on the 2565 definitions (the seed report's year).</summary>
public class ImprovementPlannerTests
{
    // The 14 items the seed municipality lists as fixed after its 2565 assessment.
    private static readonly string[] SeedMissing = ["O4", "O11", "O15", "O16", "O17", "O18", "O19", "O20", "O23", "O24", "O28", "O29", "O30", "O31"];

    [Fact]
    public void The_seed_reports_missing_items_put_indicator_9_in_section_1_with_every_item_under_its_sub_indicator()
    {
        var round = new RoundBuilder().Missing(SeedMissing);
        var result = round.Score();

        var draft = ImprovementPlanner.Draft(round.Year, result, SeedMissing);

        // 9.1 8/9, 9.2 4/8, 9.3 2/7, 9.4 3/4, 9.5 2/5 → (88.89 + 50 + 28.57 + 75 + 40) / 5
        var nine = Assert.Single(draft.Urgent);
        Assert.Equal("9", nine.Code);
        Assert.Equal((800.0 / 9 + 50 + 200.0 / 7 + 75 + 40) / 5, nine.Score, 9);
        Assert.Equal("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้คะแนนร้อยละ 56.49 ซึ่งประเมินจากแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)", nine.Summary);
        Assert.Equal(SeedMissing, nine.Weaknesses.Select(w => w.Code));
        Assert.All(nine.Weaknesses, w => Assert.Equal(WeaknessSource.OitItem, w.Source));
        Assert.Equal("9.1 ข้อมูลพื้นฐาน", nine.Weaknesses[0].SubIndicator);
        Assert.Equal("9.4 การบริหารและพัฒนาทรัพยากรบุคคล", nine.Weaknesses.Single(w => w.Code == "O28").SubIndicator);
        Assert.Equal("O4 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน ไม่พบการเผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงาน ได้ 0 คะแนน", nine.Weaknesses[0].Text);
        Assert.Empty(draft.ToImprove);
        Assert.Empty(draft.Withheld);
    }

    [Fact]
    public void An_urgent_iit_indicator_lists_its_weakest_questions_lowest_first_with_the_weakest_sub_item()
    {
        // I13 at 33.33 and I18 at 66.67 (its third sub-item at 0): indicator 3 = 500 / 6 = 83.33.
        var round = new RoundBuilder().Field("I13", 100.0 / 3).Field("I18.3", 0);
        var draft = ImprovementPlanner.Draft(round.Year, round.Score(), []);

        var three = Assert.Single(draft.Urgent);
        Assert.Equal("3", three.Code);
        Assert.Equal(500.0 / 6, three.Score, 9);
        Assert.Equal(["I13", "I18"], three.Weaknesses.Select(w => w.Code));
        Assert.Equal("I13 ท่านได้รับมอบหมายงานจากผู้บังคับบัญชาอย่างเป็นธรรม มากน้อยเพียงใด ได้คะแนน 33.33 ต่ำกว่าเกณฑ์ 85", three.Weaknesses[0].Text);
        Assert.EndsWith("ได้คะแนน 66.67 ต่ำกว่าเกณฑ์ 85 ข้อย่อยที่ได้คะแนนต่ำสุด: เอื้อประโยชน์ให้กลุ่มหรือพวกพ้อง (0.00)", three.Weaknesses[1].Text);
    }

    [Fact]
    public void An_indicator_between_85_and_90_goes_to_section_2()
    {
        // E2 at 33.33: indicator 6 = (400 + 33.33) / 5 = 86.67.
        var round = new RoundBuilder().Field("E2", 100.0 / 3);
        var draft = ImprovementPlanner.Draft(round.Year, round.Score(), []);

        Assert.Empty(draft.Urgent);
        var six = Assert.Single(draft.ToImprove);
        Assert.Equal(ImprovementSection.ToImprove, six.Section);
        Assert.Equal("6", six.Code);
        Assert.Equal("86.67", ScoreRounding.Display(six.Score));
        Assert.Equal("E2", Assert.Single(six.Weaknesses).Code);
    }

    [Fact]
    public void At_most_the_asked_number_of_questions_is_listed_the_lowest_ones()
    {
        var round = new RoundBuilder().Field("I13", 0).Field("I14", 100.0 / 3).Field("I15", 200.0 / 3).Field("I16", 100.0 / 3);
        var draft = ImprovementPlanner.Draft(round.Year, round.Score(), [], questionsPerIndicator: 3);

        Assert.Equal(["I13", "I14", "I16"], draft.Urgent.Single().Weaknesses.Select(w => w.Code)); // ties keep questionnaire order
    }

    [Fact]
    public void A_withheld_instrument_has_no_rows_and_no_gains_and_the_draft_says_why()
    {
        var round = new RoundBuilder().Field("I13", 0).Field("I14", 0).Missing("O4");
        var draft = ImprovementPlanner.Draft(round.Year, round.Score(), ["O4"], withheld: ["IIT"], minimumResponses: 5);

        Assert.DoesNotContain(draft.Indicators, i => i.Instrument == "IIT");
        Assert.DoesNotContain(draft.Gains, g => g.Code.StartsWith('I'));
        Assert.Equal("O4", Assert.Single(draft.Gains).Code);
        var note = Assert.Single(draft.Withheld);
        Assert.Equal("IIT", note.Code);
        Assert.Contains("น้อยกว่า 5 คำตอบ", note.Message, StringComparison.Ordinal);
        Assert.Contains("ไม่นำข้อคำถาม", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_not_recorded_is_listed_as_such_and_adds_nothing_while_its_sub_indicator_is_full()
    {
        var round = new RoundBuilder().NotRecorded("O4").Missing("O11", "O12", "O13", "O14", "O15", "O16", "O17", "O18");
        var result = round.Score();
        var draft = ImprovementPlanner.Draft(round.Year, result, ["O4", "O11", "O12", "O13", "O14", "O15", "O16", "O17", "O18"]);

        var o4 = draft.Urgent.Single(i => i.Code == "9").Weaknesses.Single(w => w.Code == "O4");
        Assert.Null(o4.Score);
        Assert.Contains("ยังไม่ได้บันทึกผลการตรวจ", o4.Text, StringComparison.Ordinal);
        Assert.Equal(0, draft.Gains.Single(g => g.Code == "O4").TotalGain!.Value, 12); // 9.1 is the mean of the 8 recorded items, all มี
    }

    [Fact]
    public void Indicator_scores_without_question_scores_give_one_row_for_the_indicator_and_no_gains()
    {
        var year = Surveys.Year(2565);
        var scores = Enumerable.Range(1, 10).ToDictionary(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => 95.0);
        scores["9"] = 53.99;
        scores["3"] = 87.17;
        var result = AssessmentScorer.FromIndicatorScores(year.Model, scores);

        var draft = ImprovementPlanner.Draft(year, result, []);

        var row = Assert.Single(Assert.Single(draft.Urgent).Weaknesses);
        Assert.Equal(WeaknessSource.Indicator, row.Source);
        Assert.Equal("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้คะแนน 53.99 ต่ำกว่าเกณฑ์ 85 (ไม่มีคะแนนรายข้อ)", row.Text);
        Assert.Equal("3", Assert.Single(draft.ToImprove).Code);
        Assert.Empty(draft.Gains);
    }
}
