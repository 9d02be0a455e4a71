using System.Text.Json.Nodes;
using ItaSurvey.Core.Loading;

namespace ItaSurvey.Core.Tests;

/// <summary>
/// 2567 and 2568, made with the new-year tooling from 2566 and edited by hand, say what is confirmed
/// and what is not (../shared/domain/ita.md, "After 2566"); every OIT item from 2566 suggests its evidence.
/// </summary>
public class LaterYearsTests
{
    private static string TopLevelNote(int year, string file) =>
        (string)JsonNode.Parse(File.ReadAllText(Path.Combine(Surveys.Root, year.ToString(), file)))!["note"]!;

    [Theory]
    [InlineData(2567, "model.json")]
    [InlineData(2567, "iit.json")]
    [InlineData(2567, "eit.json")]
    [InlineData(2567, "oit.json")]
    [InlineData(2568, "model.json")]
    [InlineData(2568, "iit.json")]
    [InlineData(2568, "eit.json")]
    [InlineData(2568, "oit.json")]
    public void Every_file_of_2567_and_2568_says_it_is_a_provisional_copy_and_what_is_confirmed(int year, string file)
    {
        var note = TopLevelNote(year, file);

        Assert.StartsWith(YearCopy.ProvisionalNote(2566, year), note, StringComparison.Ordinal);
        Assert.Contains("Confirmed", note, StringComparison.Ordinal);
        Assert.Contains("ยืนยันแล้ว", note, StringComparison.Ordinal);
        Assert.True(note.Contains("Not confirmed", StringComparison.Ordinal) || note.Contains("To be confirmed", StringComparison.Ordinal), note);
    }

    [Fact]
    public void The_2567_model_note_gives_the_confirmed_national_figures_and_the_unconfirmed_parts()
    {
        var note = TopLevelNote(2567, "model.json");

        Assert.Contains("8,325 agencies", note, StringComparison.Ordinal);
        Assert.Contains("1,369,235 respondents", note, StringComparison.Ordinal);
        Assert.Contains("Not confirmed: the questions and their wording, the points per answer level, the OIT items", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2567)]
    [InlineData(2568)]
    public void The_IIT_and_EIT_of_later_years_are_2566s_so_they_score_alike(int year)
    {
        foreach (var instrument in new[] { "IIT", "EIT" })
        {
            Assert.Equal(Fields(Surveys.Year(2566).Questionnaire(instrument)), Fields(Surveys.Year(year).Questionnaire(instrument)));
        }

        static IEnumerable<string> Fields(Model.Questionnaire q) =>
            q.Questions.SelectMany(x => x.AnswerFields().Select(f => $"{f.Code}:{x.Indicator}:{x.Scale}:{f.Direction}:{x.Text.Th}"));
    }

    [Fact]
    public void The_2567_OIT_keeps_the_2566_items()
    {
        Assert.Equal(
            Surveys.Year(2566).Questionnaire("OIT").Questions.Select(q => (q.Code, q.SubIndicator, q.Text.Th)),
            Surveys.Year(2567).Questionnaire("OIT").Questions.Select(q => (q.Code, q.SubIndicator, q.Text.Th)));
    }

    [Fact]
    public void The_2568_OIT_uses_the_O10_to_O26_titles_seen_on_an_agency_page_verbatim()
    {
        string[] seen =
        [
            "E–Service",
            "ข้อมูลสถิติการให้บริการ",
            "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
            "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
            "แผนการบริหารและพัฒนาทรัพยากรบุคคล",
            "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
            "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
            "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
            "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
            "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
            "การเปิดโอกาสให้เกิดการมีส่วนร่วม",
            "ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
            "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา",
            "การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของหน่วยงาน",
            "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ",
            "แผนปฏิบัติการป้องกันการทุจริต",
            "รายงานผลการดำเนินการป้องกันการทุจริต",
        ];
        var oit = Surveys.Year(2568).Questionnaire("OIT");

        Assert.Equal(Enumerable.Range(1, 26).Select(i => $"O{i}"), oit.Questions.Select(q => q.Code));
        Assert.Equal(seen, oit.Questions.Skip(9).Select(q => q.Text.Th));
        Assert.False(oit.OfficialWording);
    }

    [Fact]
    public void Each_assumed_2568_OIT_title_O1_to_O9_is_marked_unconfirmed_and_every_placement_too()
    {
        var questions = Surveys.Year(2568).Questionnaire("OIT").Questions;

        Assert.All(questions.Take(9), q => Assert.StartsWith("ยังไม่ยืนยัน / unconfirmed: title assumed", q.Note, StringComparison.Ordinal));
        Assert.All(questions.Skip(9), q => Assert.DoesNotContain("title assumed", q.Note, StringComparison.Ordinal));
        Assert.All(questions, q => Assert.Contains($"Placement in sub-indicator {q.SubIndicator} unconfirmed.", q.Note, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2566)]
    [InlineData(2567)]
    [InlineData(2568)]
    public void Every_OIT_item_suggests_its_evidence_and_two_to_five_keywords_as_ItaSurveys_own(int year)
    {
        var oit = Surveys.Year(year).Questionnaire("OIT");

        Assert.All(oit.Questions, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Evidence?.Th), q.Code);
            Assert.False(string.IsNullOrWhiteSpace(q.Evidence?.En), q.Code);
            Assert.InRange(q.Keywords?.Count ?? 0, 2, 5);
            Assert.All(q.Keywords!, k => Assert.InRange(k.Length, 2, 30));
        });
        Assert.Contains("ItaSurvey's own suggestions", oit.Note, StringComparison.Ordinal);
        Assert.Contains("not the NACC's text", oit.Note, StringComparison.Ordinal);
        Assert.Contains("ข้อเสนอแนะของ ItaSurvey", oit.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_keywords_of_the_corruption_prevention_action_plan_are_its_own_words()
    {
        var plan = Surveys.Year(2566).Questionnaire("OIT").Questions.Single(q => q.Text.Th == "แผนปฏิบัติการป้องกันการทุจริต");

        Assert.Equal(["แผนปฏิบัติการ", "ป้องกันการทุจริต"], plan.Keywords);
    }

    [Fact]
    public void The_2568_sub_indicators_are_marked_unconfirmed()
    {
        var subs = Surveys.Year(2568).Model.Indicators.SelectMany(i => i.SubIndicators ?? []);

        Assert.Equal(["9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"], subs.Select(s => s.Code));
        Assert.All(subs, s => Assert.StartsWith("ยังไม่ยืนยัน / unconfirmed", s.Note, StringComparison.Ordinal));
    }
}
