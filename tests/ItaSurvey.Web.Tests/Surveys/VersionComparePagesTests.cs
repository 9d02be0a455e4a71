using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Tests.Admin;
using static ItaSurvey.Web.Tests.Surveys.VersionWorld;

namespace ItaSurvey.Web.Tests.Surveys;

/// <summary>
/// The pages that show a draft before it is published, as first sent: what changed against the
/// version it came from, the respondent forms as a preview that cannot be sent, and a past round's
/// scores under the draft next to its scores as published.
/// </summary>
public class VersionComparePagesTests : IAsyncLifetime
{
    private const string NewWording = "เจ้าหน้าที่ของหน่วยงานปฏิบัติงานให้ท่านตามประเด็นต่อไปนี้มากน้อยเพียงใด (ถ้อยคำใหม่)";

    private readonly AdminWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    /// <summary>
    /// A saved (not published) draft of 2566: E1 reworded, E5 moved from indicator 6 to 7, the
    /// ผ่านดี threshold raised to 90 and the second level of scale A4 worth 40 points instead of 100/3.
    /// </summary>
    private async Task<int> DraftAsync()
    {
        var draft = await _world.App.DraftOfAsync(2566);
        var files = Changed(draft, "eit.json", eit =>
        {
            var questions = eit["questions"]!.AsArray();
            questions.Single(q => (string?)q!["code"] == "E1")!["text"]!["th"] = NewWording;
            questions.Single(q => (string?)q!["code"] == "E5")!["indicator"] = "7";
        });
        var model = JsonNode.Parse(files["model.json"])!;
        model["rating"]!["levels"]!.AsArray().Single(l => (string?)l!["code"] == "passed-good")!["minTotal"] = 90;
        CompareWorld.SetA4Level(model, 1, 40);
        files["model.json"] = model.ToJsonString();
        var saved = await _world.App.Versions().SaveAsync(SystemAdmin, draft.Version.Id, draft.Version.Revision, files, Cancel);
        Assert.True(saved.Succeeded, saved.Failure?.Message.En);
        return draft.Version.Id;
    }

    private async Task<IElement> MainAsync(HttpClient browser, string path) =>
        new HtmlParser().ParseDocument(await browser.GetStringAsync(path, Cancel)).QuerySelector("main")!;

    private static IElement Row(IElement main, string code) =>
        main.QuerySelectorAll("tr.change").Single(r => r.GetAttribute("data-code") == code && !r.ClassList.Contains("kind-notechanged") && !r.ClassList.Contains("kind-sourcechanged"));

    [Fact]
    public async Task The_changes_page_shows_the_new_wording_beside_the_old_the_moved_question_and_the_new_thresholds()
    {
        var id = await DraftAsync();
        var browser = await _world.BrowserAsync(Roles.SystemAdmin);

        var main = await MainAsync(browser, $"/admin/years/{id}/changes");

        Assert.Contains("เทียบกับ", main.TextContent, StringComparison.Ordinal);
        Assert.Contains("ฉบับต้นทาง", main.QuerySelector("#against option[selected]")?.TextContent ?? main.QuerySelector("#against option")!.TextContent, StringComparison.Ordinal);
        var reworded = Row(main, "E1");
        Assert.Contains("เจ้าหน้าที่ของหน่วยงานที่ท่านติดต่อ", reworded.QuerySelector(".before")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(NewWording, reworded.QuerySelector(".after")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ย้ายจากตัวชี้วัด 6 ไปตัวชี้วัด 7", Row(main, "E5").TextContent, StringComparison.Ordinal);
        var rating = Row(main, "passed-good").TextContent;
        Assert.Contains("ผ่านดี", rating, StringComparison.Ordinal);
        Assert.Contains("85", rating, StringComparison.Ordinal);
        Assert.Contains("90", rating, StringComparison.Ordinal);
        Assert.Contains("40", Row(main, "A4#2").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(main.QuerySelectorAll("tr.change"), r => r.GetAttribute("data-code") is "E2" or "E3");
    }

    [Fact]
    public async Task The_preview_shows_both_forms_at_phone_width_as_respondents_see_them_and_cannot_be_sent()
    {
        var id = await DraftAsync();
        var browser = await _world.BrowserAsync(Roles.SystemAdmin);

        var main = await MainAsync(browser, $"/admin/years/{id}/preview");
        var frames = main.QuerySelectorAll("iframe");
        Assert.Equal(["iit", "eit"], frames.Select(f => f.GetAttribute("src")!.Split('/')[^1]).Order().Reverse());
        Assert.All(frames, f => Assert.Equal("390", f.GetAttribute("width")));

        var response = await browser.GetAsync($"/admin/years/{id}/preview/eit", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var form = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains(NewWording, form.QuerySelector("#q-E1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ส่งไม่ได้", form.QuerySelector(".preview-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#preview", form.QuerySelector("form.survey")!.GetAttribute("action"));
        Assert.True(form.QuerySelector("form.survey button[type=submit]")!.HasAttribute("disabled"));
        Assert.True(string.IsNullOrEmpty(form.QuerySelector("input[name=_key]")?.GetAttribute("value")), "a preview carries no submission key");

        // Sent anyway, by hand: there is nowhere to send it, and nothing is stored.
        var posted = await browser.PostAsync($"/admin/years/{id}/preview/eit", new FormUrlEncodedContent([new("E1.1", "3")]), Cancel);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, posted.StatusCode);
        await using var db = await _world.App.Db();
        Assert.Empty(db.Responses);
    }

    [Fact]
    public async Task A_public_form_may_not_be_framed_by_anyone()
    {
        var response = await _world.App.CreateClient().GetAsync($"/go/eit/{_world.Ours.EitCode}", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_impact_page_scores_a_past_round_under_the_draft_beside_its_published_scores()
    {
        var id = await DraftAsync();
        await _world.App.AddEitResponsesAsync(_world.Ours.Id, 6, level: 1);
        var browser = await _world.BrowserAsync(Roles.SystemAdmin);

        var list = await MainAsync(browser, $"/admin/years/{id}/impact");
        var row = list.QuerySelectorAll("table.impact-rounds tr").Single(r => r.GetAttribute("data-round") == _world.Ours.Id.ToString());
        Assert.Contains("compatible", row.ClassList);
        Assert.NotNull(row.QuerySelector($"a[href='/admin/years/{id}/impact?round={_world.Ours.Id}']"));

        var main = await MainAsync(browser, $"/admin/years/{id}/impact?round={_world.Ours.Id}");
        var eit = main.QuerySelectorAll("table.score-comparison tr").Single(r => r.GetAttribute("data-code") == "EIT");
        // Every answer at the second level: 100/3 points as published, 40 under the draft.
        var before = decimal.Parse(eit.QuerySelector(".before")!.TextContent.Trim(), CultureInfo.InvariantCulture);
        var after = decimal.Parse(eit.QuerySelector(".after")!.TextContent.Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(35.56m, before); // the yes/no questions score 100 at their second level
        Assert.True(after > before, $"{after} under the draft, {before} as published");
        Assert.Contains((after - before).ToString("0.00", CultureInfo.InvariantCulture), eit.QuerySelector(".diff")!.TextContent, StringComparison.Ordinal);
        // The IIT has no responses: no score under either, never shown as zero.
        var iit = main.QuerySelectorAll("table.score-comparison tr").Single(r => r.GetAttribute("data-code") == "IIT");
        Assert.Equal("–", iit.QuerySelector(".after")!.TextContent.Trim());
        Assert.DoesNotContain("0.00", iit.TextContent, StringComparison.Ordinal);
    }
}
