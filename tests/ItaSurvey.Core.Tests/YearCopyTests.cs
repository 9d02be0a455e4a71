using System.Text.Json.Nodes;
using ItaSurvey.Core.Loading;

namespace ItaSurvey.Core.Tests;

/// <summary>The new-year tooling: a year's files copied to another fiscal year.</summary>
public class YearCopyTests
{
    private static YearFiles Files(int year) => SurveyLoader.ReadYearFolder(Path.Combine(Surveys.Root, year.ToString()));

    private static JsonObject Json(YearFile file) => JsonNode.Parse(file.Text)!.AsObject();

    [Fact]
    public void A_copy_of_2566_as_2570_loads_without_problems()
    {
        var copy = YearCopy.NewYear(Files(2566), 2570);

        var result = SurveyLoader.LoadYear(copy);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(2570, copy.FiscalYear);
        Assert.Equal(2570, result.Year!.FiscalYear);
        Assert.All(result.Year.Questionnaires.Values, q => Assert.Equal(2570, q.FiscalYear));
        Assert.Equal(["eit.json", "iit.json", "model.json", "oit.json"], copy.Files.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(copy.Files, f => Assert.Equal($"2570/{f.Name}", f.Location));
    }

    [Fact]
    public void Names_and_titles_name_the_new_year_in_both_eras()
    {
        var copy = YearCopy.NewYear(Files(2566), 2570);

        var model = Json(copy.File("model.json")!)["name"]!;
        Assert.Equal("การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. 2570", (string?)model["th"]);
        Assert.Equal("Integrity and Transparency Assessment (ITA), fiscal year 2570 (2027)", (string?)model["en"]);
        var oit = Json(copy.File("oit.json")!)["title"]!;
        Assert.Equal("แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2570", (string?)oit["th"]);
        Assert.Equal("Public information disclosure checklist (OIT), fiscal year 2570 (2027)", (string?)oit["en"]);
    }

    [Fact]
    public void Every_note_says_the_set_is_a_provisional_copy_and_keeps_the_old_note()
    {
        var source = Files(2566);

        var copy = YearCopy.NewYear(source, 2570, "Made for a test.");

        foreach (var file in copy.Files)
        {
            var note = (string)Json(file)["note"]!;
            var old = (string?)Json(source.File(file.Name)!)["note"];
            Assert.StartsWith(YearCopy.ProvisionalNote(2566, 2570, "Made for a test."), note, StringComparison.Ordinal);
            Assert.Contains("Provisional copy of fiscal year 2566, not confirmed against the NACC ITA manual for 2570.", note, StringComparison.Ordinal);
            Assert.Contains("ยังไม่ได้ตรวจสอบกับคู่มือ ITA ของสำนักงาน ป.ป.ช. ปี 2570", note, StringComparison.Ordinal);
            Assert.Contains("Made for a test.", note, StringComparison.Ordinal);
            Assert.EndsWith("Carried over from 2566: " + old, note, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_the_year_names_titles_and_notes_change_and_properties_keep_their_order()
    {
        var source = Files(2566);

        var copy = YearCopy.NewYear(source, 2570);

        foreach (var file in copy.Files)
        {
            var before = source.File(file.Name)!.Text.Split('\n');
            var after = file.Text.Split('\n');
            Assert.Equal(before.Length, after.Length);
            var changed = before.Zip(after).Where(p => p.First != p.Second).Select(p => p.Second.TrimStart().Split(':')[0]).Distinct().Order(StringComparer.Ordinal);
            var expected = file.Name == SurveyLoader.ModelFile ? new[] { "\"fiscalYear\"", "\"name\"", "\"note\"" } : ["\"fiscalYear\"", "\"note\"", "\"title\""];
            Assert.Equal(expected, changed);
            Assert.StartsWith("{\n  \"$schema\": \"../schema/", file.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Thai_stays_readable_in_the_written_files()
    {
        var copy = YearCopy.NewYear(Files(2566), 2570);

        var oit = copy.File("oit.json")!.Text;

        Assert.Contains("\"th\": \"แผนปฏิบัติการป้องกันการทุจริต\"", oit, StringComparison.Ordinal);
        Assert.Contains("Q&A", oit, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0E", oit, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_file_without_a_note_gets_one_after_its_source()
    {
        var source = Files(2566);
        var eit = Json(source.File("eit.json")!);
        eit.Remove("note");
        var withoutNote = source with { Files = [.. source.Files.Select(f => f.Name == "eit.json" ? YearFile.Stored(2566, f.Name, YearCopy.Format(eit)) : f)] };

        var copy = Json(YearCopy.NewYear(withoutNote, 2567).File("eit.json")!);

        var keys = copy.Select(p => p.Key).ToList();
        Assert.Equal(keys.IndexOf("source") + 1, keys.IndexOf("note"));
        Assert.Equal(YearCopy.ProvisionalNote(2566, 2567), (string?)copy["note"]);
    }

    [Fact]
    public void The_copy_scores_like_the_year_it_came_from()
    {
        var source = Surveys.Year(2566);

        var copy = SurveyLoader.LoadYear(YearCopy.NewYear(Files(2566), 2570)).Year!;

        foreach (var instrument in new[] { "IIT", "EIT", "OIT" })
        {
            Assert.Equal(Fields(source.Questionnaire(instrument)), Fields(copy.Questionnaire(instrument)));
        }
        Assert.Equal(source.Model.Scales.SelectMany(s => s.Levels.Select(l => l.Points)), copy.Model.Scales.SelectMany(s => s.Levels.Select(l => l.Points)));
        Assert.Equal(source.Model.Instruments.Select(i => i.Weight), copy.Model.Instruments.Select(i => i.Weight));
        Assert.Equal(source.Model.Rating.Levels.Select(l => (l.Code, l.MinTotal, l.MinEachInstrument)), copy.Model.Rating.Levels.Select(l => (l.Code, l.MinTotal, l.MinEachInstrument)));

        static IEnumerable<string> Fields(Model.Questionnaire q) =>
            q.Questions.SelectMany(x => x.AnswerFields().Select(f => $"{f.Code}:{x.Indicator}:{x.SubIndicator}:{x.Scale}:{f.Direction}"));
    }

    [Theory]
    [InlineData(2564)]
    [InlineData(2565)]
    [InlineData(2566)]
    [InlineData(2567)]
    [InlineData(2568)]
    public void The_repository_files_are_written_the_way_the_tooling_writes_them(int year)
    {
        foreach (var file in Files(year).Files)
        {
            Assert.Equal(file.Text, YearCopy.Format(Json(file)));
        }
    }

    [Fact]
    public void A_year_cannot_be_copied_onto_itself_or_out_of_range()
    {
        var source = Files(2566);

        Assert.Throws<ArgumentOutOfRangeException>(() => YearCopy.NewYear(source, 2566));
        Assert.Throws<ArgumentOutOfRangeException>(() => YearCopy.NewYear(source, 2499));
        Assert.Throws<ArgumentOutOfRangeException>(() => YearCopy.NewYear(source, 2701));
    }

    [Fact]
    public void A_year_with_problems_is_not_copied()
    {
        var source = Files(2566);
        var broken = source with { Files = [.. source.Files.Select(f => f.Name == "model.json" ? YearFile.Stored(2566, f.Name, f.Text.Replace("\"weight\": 0.4", "\"weight\": 0.5", StringComparison.Ordinal)) : f)] };

        var error = Assert.Throws<SurveyDefinitionException>(() => YearCopy.NewYear(broken, 2570));

        Assert.Contains("add up to 1.1", error.Message, StringComparison.Ordinal);
    }
}
