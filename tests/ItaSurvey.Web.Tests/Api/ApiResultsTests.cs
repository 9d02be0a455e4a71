using System.Net;
using System.Text;
using System.Text.Json;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

/// <summary>A round with real responses submitted through the public forms, read back through the API.</summary>
public class ApiResultsTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();
    private TestRound _round = null!;
    private ApiUser _viewer = null!;

    public async ValueTask InitializeAsync()
    {
        _round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink);
        var agency = (await _app.Services.GetRequiredService<RoundResults>().ForRoundAsync(_round.Id, Cancel))!.AgencyId;
        _viewer = await _app.ApiUserAsync(Roles.Viewer, agency);
        await SubmitAsync("eit", 4, (field, i) => (field.Length + i) % 4, "citizen");
        await SubmitAsync("eit", 1, (_, _) => 1, "business");
        await SubmitAsync("iit", 5, (field, i) => (field.Length * (i + 1)) % 4); // five: fewer would be withheld
        await RecordOitAsync();
        _app.CloseRounds(); // the round is over: every response counts (an open round holds IIT back)
    }

    // The OIT checklist is filled on its admin page; here straight in the database: every third item missing.
    private async Task RecordOitAsync()
    {
        var oit = _app.Services.GetRequiredService<SurveyLibrary>().LatestCompiled(2566, "OIT");
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        db.OitEvidence.AddRange(oit.FieldCodes.Select((code, i) => new OitEvidence { RoundId = _round.Id, ItemCode = code, Present = i % 3 != 0 }));
        await db.SaveChangesAsync(Cancel);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task SubmitAsync(string instrument, int count, Func<string, int, int> level, string capacity = "citizen")
    {
        for (var i = 0; i < count; i++)
        {
            var browser = _app.NewBrowser();
            var form = await RenderedForm.LoadAsync(browser, $"/go/{instrument}/{(instrument == "iit" ? _round.IitCode : _round.EitCode)}");
            var n = i;
            var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete(f => Math.Min(level(f, n), form.RadioGroups[f].Count - 1), capacity)), Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_results_match_the_round_scored_by_RoundResults_at_full_precision_and_as_shown()
    {
        var expected = (await _app.Services.GetRequiredService<RoundResults>().ForRoundAsync(_round.Id, Cancel))!;

        var results = await (await _viewer.Client.GetAsync($"/api/v1/rounds/{_round.Id}/results", Cancel)).JsonAsync();

        var assessment = expected.Assessment;
        Assert.NotNull(assessment.Total);
        AssertScore(assessment.Total, results.GetProperty("total"));
        Assert.Equal(assessment.Rating?.Code, results.GetProperty("rating").GetProperty("code").GetString());
        Assert.Equal(assessment.Rating?.Name.Th, results.GetProperty("rating").GetProperty("nameTh").GetString());
        Assert.Equal(assessment.Rating?.Passed, results.GetProperty("rating").GetProperty("passed").GetBoolean());
        var instruments = results.GetProperty("instruments").EnumerateArray().ToList();
        Assert.Equal(assessment.Instruments.Select(i => i.Code), instruments.Select(i => i.GetProperty("code").GetString()));
        foreach (var (score, json) in assessment.Instruments.Zip(instruments))
        {
            Assert.Equal(score.Weight, json.GetProperty("weight").GetDouble());
            AssertScore(score.Score, json.GetProperty("score"));
            AssertScore(score.Weighted, json.GetProperty("weighted"));
        }
        var indicators = results.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(assessment.Indicators.Select(i => i.Code), indicators.Select(i => i.GetProperty("code").GetString()));
        foreach (var (score, json) in assessment.Indicators.Zip(indicators))
        {
            AssertScore(score.Score, json.GetProperty("score"));
            Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(score.Status.ToString()), json.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(json.GetProperty("nameTh").GetString()));
            Assert.Equal(score.SubIndicators.Select(s => s.Code), json.GetProperty("subIndicators").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        }
        var questions = results.GetProperty("questions").EnumerateArray().ToList();
        var expectedQuestions = assessment.Questionnaires.Values.SelectMany(q => q.Questions).ToList();
        Assert.Equal(expectedQuestions.Select(q => q.Code), questions.Select(q => q.GetProperty("code").GetString()));
        foreach (var (question, json) in expectedQuestions.Zip(questions))
        {
            Assert.Equal(question.Indicator, json.GetProperty("indicator").GetString());
            AssertScore(question.Score, json.GetProperty("score"));
            var fields = json.GetProperty("fields").EnumerateArray().ToList();
            Assert.Equal(question.Fields.Select(f => (f.Code, f.Respondents)), fields.Select(f => (f.GetProperty("code").GetString()!, f.GetProperty("respondents").GetInt64())));
            foreach (var (field, fieldJson) in question.Fields.Zip(fields))
            {
                AssertScore(field.Score, fieldJson.GetProperty("score"));
            }
        }
        Assert.Equal(5, results.GetProperty("responses").GetProperty("iit").GetInt64());
        Assert.Equal(5, results.GetProperty("responses").GetProperty("eit").GetInt64());
        Assert.Contains(questions, q => q.GetProperty("fields").EnumerateArray().Any(f => f.GetProperty("respondents").GetInt64() == 5));
    }

    [Fact]
    public async Task The_EIT_export_is_a_UTF8_CSV_with_a_byte_order_mark_and_one_row_per_response()
    {
        var stored = (await _app.StoredResponsesAsync()).Where(r => r.Instrument == "EIT").ToList();

        var response = await _viewer.Client.GetAsync($"/api/v1/rounds/{_round.Id}/export/responses.csv?instrument=eit", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("0", response.Headers.GetValues("X-Skipped-Responses").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + stored.Count, lines.Length);
        var header = lines[0].Split(',');
        Assert.Equal(["instrument", "submittedOn", "respondentGroup"], header[..3]);
        Assert.Equal("quality", header[^1]);
        Assert.Equal(stored[0].Answers.Length, header.Length - 4);
        Assert.Contains("E2", header);
        string[] codes = ["too-fast", "straight-lined", "contradictory", "duplicate"];
        foreach (var (row, response1) in lines[1..].Zip(stored))
        {
            var cells = row.Split(',');
            Assert.Equal(["EIT", "2023-05-02", response1.RespondentGroup!, .. response1.Answers.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture))], cells[..^1]);
            Assert.All(cells[^1].Split(';', StringSplitOptions.RemoveEmptyEntries), c => Assert.Contains(c, codes));
        }
    }

    [Fact]
    public async Task The_IIT_export_has_no_date_and_no_order_of_arrival()
    {
        var stored = (await _app.StoredResponsesAsync()).Where(r => r.Instrument == "IIT").ToList();

        var response = await _viewer.Client.GetAsync($"/api/v1/rounds/{_round.Id}/export/responses.csv?instrument=IIT", Cancel);

        Assert.Equal($"round-{_round.Id}-2566-iit-responses.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        var lines = (await response.Content.ReadAsStringAsync(Cancel)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Equal("instrument", lines[0].Split(',')[0]);
        Assert.Contains("I13", lines[0].Split(','));
        Assert.DoesNotContain("submittedOn", lines[0].Split(','));
        // Sorted by the answers themselves, not by when they came.
        Assert.Equal(stored.Select(r => r.Answers).Order(Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)))
            .Select(a => string.Join(',', ["IIT", .. a.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))])),
            lines[1..].Select(l => l[..l.LastIndexOf(',')]));
    }

    private static void AssertScore(double? expected, JsonElement score)
    {
        Assert.Equal(ScoreRounding.Display(expected), score.GetProperty("display").GetString());
        if (expected is null)
        {
            Assert.Equal(JsonValueKind.Null, score.GetProperty("value").ValueKind);
        }
        else
        {
            Assert.Equal(expected.Value, score.GetProperty("value").GetDouble());
        }
    }
}
