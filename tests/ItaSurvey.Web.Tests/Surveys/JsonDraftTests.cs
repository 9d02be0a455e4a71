using System.Text.Json.Nodes;
using ItaSurvey.Core.Loading;
using ItaSurvey.Web.Surveys.Editing;

namespace ItaSurvey.Web.Tests.Surveys;

/// <summary>The editing model of the fiscal-year editor: values set, list items added, removed and moved, and the loader's verdict after each change.</summary>
public class JsonDraftTests
{
    private static JsonDraft Draft2566() => JsonDraft.From(YearFiles.FromFolder(Path.Combine(AppContext.BaseDirectory, "surveys", "2566"), 2566));

    private static int Count(JsonDraft draft, string file, string path) => ((JsonArray)draft.At(file, path)!).Count;

    [Fact]
    public void An_untouched_year_is_valid_and_its_texts_read_back_the_same_with_Thai_kept_as_it_is()
    {
        var draft = Draft2566();

        var again = JsonDraft.From(draft.Files());

        Assert.True(draft.Check.IsValid);
        Assert.True(again.Check.IsValid);
        Assert.Equal(["model.json", "eit.json", "iit.json", "oit.json"], draft.Names);
        Assert.Contains("แบบวัดการรับรู้", draft.Texts()["iit.json"], StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0E", draft.Texts()["iit.json"], StringComparison.Ordinal);
        Assert.Equal(0, draft.Changes);
    }

    [Fact]
    public void A_weight_set_so_that_weights_no_longer_sum_to_one_is_reported_in_Thai_on_the_list_and_setting_it_back_clears_it()
    {
        var draft = Draft2566();

        Assert.True(draft.SetTyped("model.json", "$.instruments[0].weight", "0.5", optional: false));

        Assert.Equal(0.5m, draft.At("model.json", "$.instruments[0].weight")!.GetValue<decimal>());
        var problem = Assert.Single(draft.ProblemsAt("model.json", "$.instruments"));
        Assert.Contains("1", problem.Thai, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.Thai));
        Assert.True(draft.HasProblemsUnder("model.json", "$.instruments"));
        Assert.False(draft.HasProblemsUnder("model.json", "$.indicators"));

        draft.SetTyped("model.json", "$.instruments[0].weight", "0.3", optional: false);

        Assert.True(draft.Check.IsValid);
        Assert.Equal(2, draft.Changes);
    }

    [Fact]
    public void What_is_not_a_number_is_refused_for_a_number_field_and_changes_nothing()
    {
        var draft = Draft2566();

        Assert.False(draft.SetTyped("model.json", "$.instruments[0].weight", "สามสิบ", optional: false));

        Assert.Equal(0.3m, draft.At("model.json", "$.instruments[0].weight")!.GetValue<decimal>());
        Assert.Equal(0, draft.Changes);
    }

    [Fact]
    public void Points_take_a_number_or_a_fraction_and_a_level_without_points_is_reported_at_the_level()
    {
        var draft = Draft2566();

        draft.SetTyped("model.json", "$.scales[0].levels[1].points", "100/3", optional: false);
        Assert.Equal("100/3", draft.At("model.json", "$.scales[0].levels[1].points")!.GetValue<string>());
        draft.SetTyped("model.json", "$.scales[0].levels[1].points", "33.5", optional: false);
        Assert.Equal(33.5m, draft.At("model.json", "$.scales[0].levels[1].points")!.GetValue<decimal>());

        draft.RemoveProperty("model.json", "$.scales[0].levels[1]", "points");

        var problem = Assert.Single(draft.ProblemsAt("model.json", "$.scales[0].levels[1]"));
        Assert.Contains("points", problem.Thai, StringComparison.Ordinal);
        Assert.StartsWith("ขาด", problem.Thai, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_naming_a_missing_indicator_is_reported_at_its_indicator_field()
    {
        var draft = Draft2566();

        draft.SetTyped("iit.json", "$.questions[3].indicator", "99", optional: false);

        var problem = Assert.Single(draft.Check.Problems);
        Assert.Equal("iit.json", JsonDraft.FileOf(problem));
        Assert.Equal("$.questions[3].indicator", problem.JsonPath);
        Assert.Contains("99", problem.Thai, StringComparison.Ordinal);
        Assert.Equal("iit.json$.questions[3].indicator", JsonDraft.FieldId("iit.json", problem.JsonPath));
    }

    [Fact]
    public void A_new_question_has_the_required_parts_empty_points_its_problems_inside_it_and_validates_once_filled_in()
    {
        var draft = Draft2566();
        var before = Count(draft, "iit.json", "$.questions");

        draft.Add("iit.json", "$.questions");

        var added = $"$.questions[{before}]";
        var question = draft.At("iit.json", added)!.AsObject();
        Assert.Equal(["code", "indicator", "scale", "direction", "text"], question.Select(p => p.Key).Order(StringComparer.Ordinal).Reverse().OrderBy(k => new[] { "code", "indicator", "scale", "direction", "text" }.ToList().IndexOf(k)));
        Assert.Equal("positive", question["direction"]!.GetValue<string>());
        Assert.True(draft.HasProblemsUnder("iit.json", added));
        Assert.All(draft.Check.Problems, p => Assert.StartsWith(added, p.JsonPath, StringComparison.Ordinal));

        draft.SetTyped("iit.json", added + ".code", "I31", optional: false);
        draft.SetTyped("iit.json", added + ".indicator", "1", optional: false);
        draft.SetTyped("iit.json", added + ".scale", "A4", optional: false);
        draft.SetTyped("iit.json", added + ".text.th", "คำถามใหม่", optional: false);

        Assert.Empty(draft.Check.Problems);
        Assert.Contains("\"I31\"", draft.Texts()["iit.json"], StringComparison.Ordinal);
    }

    [Fact]
    public void Items_move_up_and_down_and_stay_put_at_either_end()
    {
        var draft = Draft2566();
        string CodeAt(int i) => draft.At("iit.json", $"$.questions[{i}].code")!.GetValue<string>();

        draft.Move("iit.json", "$.questions", 0, 1);
        Assert.Equal(("I2", "I1"), (CodeAt(0), CodeAt(1)));
        draft.Move("iit.json", "$.questions", 1, -1);
        Assert.Equal(("I1", "I2"), (CodeAt(0), CodeAt(1)));
        draft.Move("iit.json", "$.questions", 0, -1);
        draft.Move("iit.json", "$.questions", 29, 1);

        Assert.Equal(("I1", "I30"), (CodeAt(0), CodeAt(29)));
        Assert.Equal(2, draft.Changes);
        Assert.True(draft.Check.IsValid);
    }

    [Fact]
    public void Levels_are_added_and_removed_and_a_scale_left_with_one_level_is_reported()
    {
        var draft = Draft2566();

        draft.Add("model.json", "$.scales[1].levels");
        Assert.Equal(3, Count(draft, "model.json", "$.scales[1].levels"));
        Assert.NotNull(draft.At("model.json", "$.scales[1].levels[2].label.th"));
        draft.SetTyped("model.json", "$.scales[1].levels[2].label.th", "ไม่แน่ใจ", optional: false);
        draft.SetTyped("model.json", "$.scales[1].levels[2].points", "50", optional: false);

        draft.Remove("model.json", "$.scales[1].levels", 2);
        draft.Remove("model.json", "$.scales[1].levels", 1);

        Assert.Equal(1, Count(draft, "model.json", "$.scales[1].levels"));
        Assert.True(draft.HasProblemsUnder("model.json", "$.scales[1].levels"));
    }

    [Fact]
    public void An_optional_text_emptied_is_dropped_and_an_optional_list_added_gets_its_least_items()
    {
        var draft = Draft2566();

        draft.SetTyped("iit.json", "$.questions[0].text.en", "  ", optional: true);
        Assert.Null(draft.At("iit.json", "$.questions[0].text.en"));
        Assert.True(draft.Check.IsValid);

        draft.AddProperty("oit.json", "$.questions[0]", "keywords");
        Assert.Empty((JsonArray)draft.At("oit.json", "$.questions[0].keywords")!);
        draft.Add("oit.json", "$.questions[0].keywords");
        draft.SetTyped("oit.json", "$.questions[0].keywords[0]", "ผังองค์กร", optional: false);
        Assert.Equal("ผังองค์กร", draft.At("oit.json", "$.questions[0].keywords[0]")!.GetValue<string>());

        draft.RemoveProperty("iit.json", "$.questions[1]", "note");
        draft.AddProperty("iit.json", "$.questions[1]", "items");
        Assert.Equal(1, Count(draft, "iit.json", "$.questions[1].items"));
    }

    [Fact]
    public void Flags_rating_and_minimum_samples_are_edited_like_anything_else()
    {
        var draft = Draft2566();

        draft.SetTyped("model.json", "$.flags.urgentBelow", "95", optional: false);
        Assert.True(draft.HasProblemsUnder("model.json", "$.flags"));
        draft.SetTyped("model.json", "$.flags.urgentBelow", "50", optional: false);
        draft.SetTyped("model.json", "$.rating.levels[0].passed", "false", optional: false);
        draft.SetTyped("model.json", "$.minimumSample.iit.atLeast", "12", optional: false);

        Assert.False(draft.At("model.json", "$.rating.levels[0].passed")!.GetValue<bool>());
        Assert.Equal(12, draft.At("model.json", "$.minimumSample.iit.atLeast")!.GetValue<long>());
        Assert.False(draft.SetTyped("model.json", "$.minimumSample.iit.atLeast", "1.5", optional: false));
    }

    [Fact]
    public void Paths_are_read_into_steps_and_the_schema_of_any_part_is_found()
    {
        Assert.Equal(["questions", 4, "items", 0, "text", "th"], JsonDraft.Steps("$.questions[4].items[0].text.th"));
        Assert.Equal(["$schema"], JsonDraft.Steps("$['$schema']"));

        var guide = SchemaGuide.Questionnaire;
        Assert.Equal(FieldKind.Choice, guide.KindOf(guide.At("$.questions[2].items[1].direction")!));
        Assert.Equal(FieldKind.Text, guide.KindOf(guide.At("$.questions[0].keywords[3]")!));
        Assert.Null(guide.At("$.questions[0].nothing"));
        Assert.Equal(FieldKind.Points, SchemaGuide.Model.KindOf(SchemaGuide.Model.At("$.scales[0].levels[0].points")!));
        Assert.Equal(2, ((JsonArray)SchemaGuide.Model.NewValue(SchemaGuide.Model.At("$.scales[0]")!)!["levels"]!).Count);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_kept_as_it_is_and_reported()
    {
        var files = YearFiles.FromFolder(Path.Combine(AppContext.BaseDirectory, "surveys", "2566"), 2566);
        var broken = new YearFiles(2566, [.. files.Files.Where(f => f.Name != "eit.json"), YearFile.Stored(2566, "eit.json", "{ \"instrument\": ")]);

        var draft = JsonDraft.From(broken);

        Assert.Null(draft.Document("eit.json"));
        Assert.Equal("{ \"instrument\": ", draft.Texts()["eit.json"]);
        Assert.Contains(draft.Check.Problems, p => JsonDraft.FileOf(p) == "eit.json");
    }
}
