using ItaSurvey.Core.Model;
using ItaSurvey.Core.Versions;

namespace ItaSurvey.Core.Tests.Versions;

public class QuestionDiffTests
{
    private static readonly SurveyYear Year = Drafts.Year2566;

    [Fact]
    public void A_reworded_question_carries_the_old_and_new_text()
    {
        var old = Year.Question("IIT", "I13").Text;
        var draft = Year.WithQuestion("IIT", "I13", q => q with { Text = q.Text with { Th = "ท่านได้รับมอบหมายงานอย่างเป็นธรรม มากน้อยเพียงใด" } });

        var change = Assert.Single(YearDiff.Between(Year, draft));

        Assert.Equal((ChangeArea.Questions, ChangeKind.Reworded, "I13", "IIT", "text"), (change.Area, change.Kind, change.Code, change.Instrument, change.Field));
        Assert.Equal(old, change.Before);
        Assert.Equal("ท่านได้รับมอบหมายงานอย่างเป็นธรรม มากน้อยเพียงใด", change.After!.Th);
        Assert.Equal(old.En, change.After.En);
        Assert.Equal("IIT ข้อ I13 ปรับถ้อยคำ (ภาษาไทย)", change.Description.Th);
        Assert.Equal("IIT question I13 reworded (Thai)", change.Description.En);
    }

    [Fact]
    public void English_only_rewording_says_so()
    {
        var draft = Year.WithQuestion("EIT", "E2", q => q with { Text = q.Text with { En = "Were you served equally?" } });

        var change = Assert.Single(YearDiff.Between(Year, draft));

        Assert.Equal("EIT question E2 reworded (English)", change.Description.En);
        Assert.Equal("Were you served equally?", change.After!.En);
    }

    [Fact]
    public void A_question_moved_to_another_indicator_says_from_where_to_where()
    {
        var draft = Year.WithQuestion("IIT", "I13", q => q with { Indicator = "4" });

        var change = Assert.Single(YearDiff.Between(Year, draft));

        Assert.Equal((ChangeKind.Moved, "indicator"), (change.Kind, change.Field));
        Assert.Equal("IIT ข้อ I13 ย้ายจากตัวชี้วัด 3 ไปตัวชี้วัด 4", change.Description.Th);
        Assert.Equal(("3", "4"), (change.Before!.Th, change.After!.Th));
    }

    [Fact]
    public void Scale_and_direction_changes_are_listed_separately()
    {
        var draft = Year.WithQuestion("IIT", "I2", q => q with { Scale = "YN", Direction = Direction.Negative });

        var changes = YearDiff.Between(Year, draft);

        Assert.Equal([ChangeKind.ScaleChanged, ChangeKind.DirectionChanged], changes.Select(c => c.Kind));
        Assert.Equal("IIT ข้อ I2 เปลี่ยนมาตรวัดจาก A4 เป็น YN", changes[0].Description.Th);
        Assert.Equal("The scoring direction of IIT question I2 changed from positive to negative (reverse-scored)", changes[1].Description.En);
    }

    [Fact]
    public void Questions_added_and_removed_are_placed_where_they_were()
    {
        var i31 = new Question("I31", "5", "A4", Direction.Positive, new LocalizedText("ข้อใหม่", "New question"));
        var draft = Year.WithQuestions("IIT", qs => [.. qs.Where(q => q.Code != "I14"), i31]);

        var changes = YearDiff.Between(Year, draft).Of("IIT");

        Assert.Equal([(ChangeKind.Removed, "I14"), (ChangeKind.Added, "I31")], changes.Select(c => (c.Kind, c.Code)));
        Assert.Equal("เพิ่ม IIT ข้อ I31: ข้อใหม่", changes[1].Description.Th);
        Assert.Equal("IIT question I31 added: New question", changes[1].Description.En);
        Assert.Null(changes[1].Before);
        Assert.Equal(Year.Question("IIT", "I14").Text, changes[0].Before);
    }

    [Fact]
    public void Sub_items_removed_added_reworded_and_reversed()
    {
        var draft = Year
            .WithQuestion("IIT", "I1", q => q with { Items = [q.Items![0], new QuestionItem("I1.3", new LocalizedText("ตามมาตรฐาน"))] })
            .WithQuestion("IIT", "I3", q => q with
            {
                Items = q.Items!.Replace(0, q.Items![0] with { Text = new LocalizedText("ใหม่", q.Items[0].Text.En) })
                    .Replace(2, q.Items[2] with { Direction = Direction.Negative }),
            });

        var changes = YearDiff.Between(Year, draft).Of("IIT");

        Assert.Equal(
            [(ChangeKind.Removed, "I1.2"), (ChangeKind.Added, "I1.3"), (ChangeKind.Reworded, "I3.1"), (ChangeKind.DirectionChanged, "I3.3")],
            changes.Select(c => (c.Kind, c.Code)));
        Assert.Equal("ลบ IIT ข้อย่อย I1.2 ของข้อ I1: เป็นไปตามระยะเวลาที่กำหนด", changes[0].Description.Th);
        Assert.Equal("IIT sub-item I1.2 of I1 removed: Within the set time limits", changes[0].Description.En);
        Assert.Equal("ใหม่", changes[2].After!.Th);
    }

    [Fact]
    public void A_question_reversed_is_one_change_not_one_per_inherited_sub_item()
    {
        var draft = Year.WithQuestion("IIT", "I3", q => q with { Direction = Direction.Negative });

        var change = Assert.Single(YearDiff.Between(Year, draft));

        Assert.Equal(("I3", ChangeKind.DirectionChanged), (change.Code, change.Kind));
    }

    [Fact]
    public void Swapped_questions_are_one_reorder_change()
    {
        var draft = Year.WithQuestions("IIT", qs => qs.Swap(1, 2));

        var change = Assert.Single(YearDiff.Between(Year, draft));

        Assert.Equal((ChangeKind.Reordered, "order", "I2"), (change.Kind, change.Field, change.Code));
        Assert.Equal("IIT question I2: moved from position 2 to 3", change.Description.En);
        Assert.Equal(("2", "3"), (change.Before!.Th, change.After!.Th));
    }

    [Fact]
    public void Swapped_sub_items_are_a_reorder_change()
    {
        var draft = Year.WithQuestion("EIT", "E4", q => q with { Items = q.Items!.Swap(0, 2) });

        var changes = YearDiff.Between(Year, draft);

        Assert.All(changes, c => Assert.Equal(ChangeKind.Reordered, c.Kind));
        Assert.Equal(["E4.3", "E4.1"], changes.Select(c => c.Code));
        Assert.Equal("EIT ข้อย่อย E4.1: ลำดับเปลี่ยนจากที่ 1 เป็นที่ 3", changes[1].Description.Th);
    }

    [Fact]
    public void An_OIT_item_added_is_an_OIT_change()
    {
        var o44 = new Question("O44", "10", "YN", Direction.Positive, new LocalizedText("มาตรการส่งเสริมคุณธรรม", "Integrity measures"), "10.2");
        var draft = Year.WithQuestions("OIT", qs => [.. qs, o44]);

        var change = Assert.Single(YearDiff.Between(Year, draft));

        Assert.Equal((ChangeArea.OitItems, ChangeKind.Added, "O44", "OIT"), (change.Area, change.Kind, change.Code, change.Instrument));
        Assert.Equal("OIT item O44 added: Integrity measures", change.Description.En);
    }

    [Fact]
    public void OIT_items_retitled_moved_and_given_evidence_and_keywords()
    {
        // 2566 suggests evidence and key words for every item: start from O2 and O3 without them.
        var year = Year.WithQuestion("OIT", "O2", q => q with { Evidence = null }).WithQuestion("OIT", "O3", q => q with { Keywords = null });
        var draft = year
            .WithQuestion("OIT", "O1", q => q with { Text = new LocalizedText("โครงสร้างหน่วยงาน", q.Text.En) })
            .WithQuestion("OIT", "O10", q => q with { SubIndicator = "9.2" })
            .WithQuestion("OIT", "O2", q => q with { Evidence = new LocalizedText("รายชื่อผู้บริหาร พร้อมรูปถ่าย", "Executives' names with photos") })
            .WithQuestion("OIT", "O3", q => q with { Keywords = ["อำนาจหน้าที่", "กฎหมาย"] });

        var changes = YearDiff.Between(year, draft).In(ChangeArea.OitItems);

        Assert.Equal(
            [(ChangeKind.Retitled, "O1"), (ChangeKind.EvidenceChanged, "O2"), (ChangeKind.KeywordsChanged, "O3"), (ChangeKind.Moved, "O10")],
            changes.Select(c => (c.Kind, c.Code)));
        Assert.Equal("OIT ข้อ O1 เปลี่ยนชื่อ (ภาษาไทย)", changes[0].Description.Th);
        Assert.Equal("OIT item O1 retitled (Thai)", changes[0].Description.En);
        Assert.Equal("Executives' names with photos", changes[1].After!.En);
        Assert.Null(changes[1].Before);
        Assert.Equal("The keywords of OIT item O3 changed: added อำนาจหน้าที่, กฎหมาย", changes[2].Description.En);
        Assert.Equal(("subIndicator", "9 (9.1)", "9 (9.2)"), (changes[3].Field, changes[3].Before!.Th, changes[3].After!.Th));
    }

    [Fact]
    public void Keywords_removed_and_reordered()
    {
        var before = Year.WithQuestion("OIT", "O3", q => q with { Keywords = ["ก", "ข", "ค"] });
        var removed = before.WithQuestion("OIT", "O3", q => q with { Keywords = ["ก", "ข"] });
        var reordered = before.WithQuestion("OIT", "O3", q => q with { Keywords = ["ข", "ก", "ค"] });

        Assert.Equal("คำสำคัญของ OIT ข้อ O3 เปลี่ยน: ลบ ค", Assert.Single(YearDiff.Between(before, removed)).Description.Th);
        Assert.Equal("The keywords of OIT item O3 changed: reordered", Assert.Single(YearDiff.Between(before, reordered)).Description.En);
        Assert.True(YearDiff.Between(before, before.WithQuestion("OIT", "O3", q => q with { Keywords = ["ก", "ข", "ค"] })).IsEmpty);
    }

    [Fact]
    public void Questionnaire_title_official_wording_and_presence()
    {
        var draft = Year
            .WithQuestionnaire("EIT", q => q with { OfficialWording = !q.OfficialWording, Title = q.Title with { En = "EIT" } })
            .WithoutQuestionnaire("OIT");

        var changes = YearDiff.Between(Year, draft).In(ChangeArea.Questionnaires);

        Assert.Equal(
            [(ChangeKind.Renamed, "EIT"), (ChangeKind.ValueChanged, "EIT"), (ChangeKind.Removed, "OIT")],
            changes.Select(c => (c.Kind, c.Code)));
        Assert.Equal("The OIT questionnaire removed (43 questions)", changes[2].Description.En);
    }
}
