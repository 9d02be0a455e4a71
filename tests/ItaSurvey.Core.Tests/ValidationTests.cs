using ItaSurvey.Core.Loading;

namespace ItaSurvey.Core.Tests;

/// <summary>Broken copies of each file type yield plain messages with file, line and path.</summary>
public class ValidationTests
{
    [Fact]
    public void A_broken_model_reports_every_problem_at_once_with_its_line()
    {
        using var copy = new SurveyCopy();
        const string file = "2566/model.json";
        var weightLine = copy.Replace(file, "\"weight\": 0.4", "\"weight\": 0.3");
        var instrumentLine = copy.Replace(file, "\"instrument\": \"EIT\"", "\"instrument\": \"XIT\"");
        var duplicateLine = copy.Replace(file, "\"code\": \"5\"", "\"code\": \"4\"");
        var pointsLine = copy.Replace(file, "\"points\": 100", "\"points\": \"100/0\"");

        var problems = copy.Load().Problems;

        AssertProblem(problems, copy.PathOf(file), 0, "$.instruments", "weights add up to 0.9");
        AssertProblem(problems, copy.PathOf(file), instrumentLine, "$.indicators[5].instrument", "instrument 'XIT', which is not among the instruments");
        AssertProblem(problems, copy.PathOf(file), duplicateLine, "$.indicators[4].code", "Indicator code '4' is used more than once");
        AssertProblem(problems, copy.PathOf(file), pointsLine, "$.scales[0].levels[3].points", "no usable points");
        Assert.True(weightLine > 0);
    }

    [Fact]
    public void A_level_without_points_and_a_missing_Thai_text_are_schema_problems_with_lines()
    {
        using var copy = new SurveyCopy();
        const string file = "2565/model.json";
        var pointsLine = copy.Replace(file, "\"points\": 0", "\"note\": \"points forgotten\"");
        var thaiLine = copy.Replace(file, "\"name\": { \"th\": \"การใช้อำนาจ\", \"en\"", "\"name\": { \"en\"");

        var problems = copy.Load().Problems;

        // The level's object opens two lines above its points.
        AssertProblem(problems, copy.PathOf(file), pointsLine - 2, "$.scales[0].levels[0]", "missing", "points");
        AssertProblem(problems, copy.PathOf(file), thaiLine, "$.indicators[2].name", "missing", "th");
        // Points written as fractions ("100/3") take the other branch of the schema: not problems.
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void A_broken_IIT_questionnaire_names_each_bad_question()
    {
        using var copy = new SurveyCopy();
        const string file = "2566/iit.json";
        var unknownLine = copy.Replace(file, "\"indicator\": \"3\"", "\"indicator\": \"33\"");
        var duplicateLine = copy.Replace(file, "\"code\": \"I2\"", "\"code\": \"I1\"");
        var scaleLine = copy.Replace(file, "\"scale\": \"A4\"", "\"scale\": \"A5\"", occurrence: 3);

        var problems = copy.Load().Problems;

        AssertProblem(problems, copy.PathOf(file), unknownLine, "$.questions[12].indicator", "names indicator '33', which model.json does not define");
        AssertProblem(problems, copy.PathOf(file), duplicateLine, "$.questions[1].code", "Question code 'I1' is used more than once");
        AssertProblem(problems, copy.PathOf(file), scaleLine, "$.questions[2].scale", "scale 'A5', which model.json does not define");
    }

    [Fact]
    public void A_question_with_no_indicator_is_reported_on_the_question()
    {
        using var copy = new SurveyCopy();
        const string file = "2566/iit.json";
        var line = copy.Replace(file, "\"indicator\": \"5\",", "");

        var problems = copy.Load().Problems;

        // The question's object opens two lines above its indicator (after its code).
        AssertProblem(problems, copy.PathOf(file), line - 2, "$.questions[24]", "required property is missing", "indicator");
    }

    [Fact]
    public void A_questionnaire_without_a_question_for_an_indicator_says_so()
    {
        using var copy = new SurveyCopy();
        const string file = "2564/eit.json";
        foreach (var occurrence in Enumerable.Range(0, 5))
        {
            copy.Replace(file, "\"indicator\": \"8\"", "\"indicator\": \"7\"");
        }

        var problems = copy.Load().Problems;

        AssertProblem(problems, copy.PathOf(file), null, "$.questions", "Indicator 8 has no question");
    }

    [Fact]
    public void An_OIT_item_in_a_sub_indicator_of_another_indicator_is_reported()
    {
        using var copy = new SurveyCopy();
        const string file = "2566/oit.json";
        var line = copy.Replace(file, "\"subIndicator\": \"9.1\"", "\"subIndicator\": \"10.1\"");

        var problems = copy.Load().Problems;

        AssertProblem(problems, copy.PathOf(file), line, "$.questions[0].subIndicator", "not a sub-indicator of indicator 9");
    }

    [Fact]
    public void Malformed_JSON_points_at_the_line_of_the_error_and_the_other_years_are_still_checked()
    {
        using var copy = new SurveyCopy();
        var badLine = copy.Replace("2565/eit.json", "\"officialWording\": false,", "\"officialWording\": false,,");
        copy.Replace("2566/model.json", "\"weight\": 0.4", "\"weight\": 0.5");

        var problems = copy.Load().Problems;

        AssertProblem(problems, copy.PathOf("2565/eit.json"), badLine, null, "not valid JSON");
        AssertProblem(problems, copy.PathOf("2566/model.json"), 0, "$.instruments", "add up to 1.1");
    }

    [Fact]
    public void An_unknown_property_and_a_wrong_direction_are_schema_problems()
    {
        using var copy = new SurveyCopy();
        const string file = "2566/eit.json";
        var typoLine = copy.Replace(file, "\"scale\": \"A4\"", "\"scael\": \"A4\"");
        var directionLine = copy.Replace(file, "\"direction\": \"negative\"", "\"direction\": \"reverse\"");

        var problems = copy.Load().Problems;

        AssertProblem(problems, copy.PathOf(file), typoLine, null, "Unknown property 'scael'");
        AssertProblem(problems, copy.PathOf(file), directionLine, "$.questions[3].direction", "not one of those allowed");
    }

    [Fact]
    public void A_year_whose_folder_and_fiscalYear_disagree_is_reported()
    {
        using var copy = new SurveyCopy();
        var line = copy.Replace("2566/oit.json", "\"fiscalYear\": 2566", "\"fiscalYear\": 2567");

        var problem = Assert.Single(copy.Load().Problems);

        Assert.Equal(line, problem.Line);
        Assert.Equal("$.fiscalYear", problem.JsonPath);
        Assert.Contains("fiscalYear is 2567 but the file is in the folder of 2566", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_questionnaire_file_is_reported_on_the_instrument()
    {
        using var copy = new SurveyCopy();
        File.Delete(copy.PathOf("2566/eit.json"));

        var problem = Assert.Single(copy.Load().Problems);

        Assert.Equal("$.instruments[1]", problem.JsonPath);
        Assert.Contains("Instrument EIT has no questionnaire", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCatalog_throws_with_every_problem_in_the_message()
    {
        using var copy = new SurveyCopy();
        copy.Replace("2566/model.json", "\"weight\": 0.4", "\"weight\": 0.5");
        copy.Replace("2565/model.json", "\"weight\": 0.4", "\"weight\": 0.5");

        var error = Assert.Throws<SurveyDefinitionException>(() => SurveyLoader.LoadCatalog(copy.Root));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("2565", error.Message, StringComparison.Ordinal);
        Assert.Contains("2566", error.Message, StringComparison.Ordinal);
    }

    private static void AssertProblem(IReadOnlyList<DefinitionProblem> problems, string file, int? line, string? path, params string[] fragments)
    {
        var found = problems.Where(p => p.File == file
            && (path is null || p.JsonPath == path)
            && (line is null or 0 || p.Line == line)
            && fragments.All(f => p.Message.Contains(f, StringComparison.Ordinal)));
        Assert.True(found.Any(), $"No problem in {file} line {line} at {path} saying '{string.Join("', '", fragments)}'. Found:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }
}
