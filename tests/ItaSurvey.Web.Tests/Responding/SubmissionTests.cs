using System.Net;

namespace ItaSurvey.Web.Tests.Responding;

public class SubmissionTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new SurveyApp { SubmissionsPerMinute = 1000 };
    private TestRound _round = null!;

    public async ValueTask InitializeAsync() => _round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_complete_EIT_response_is_stored_with_its_answers_and_date_and_leads_to_the_thank_you_page()
    {
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}");
        var fields = form.Complete(field => field.Length % 2, capacity: "business");

        var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(fields), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/go/eit/{_round.EitCode}/thanks", response.Headers.Location!.OriginalString);
        var thanks = await browser.GetStringAsync(response.Headers.Location, Cancel);
        Assert.Contains("ขอบคุณที่ร่วมตอบแบบวัด", thanks, StringComparison.Ordinal);

        var stored = Assert.Single(await _app.StoredResponsesAsync());
        Assert.Equal("EIT", stored.Instrument);
        Assert.Equal(new DateOnly(2023, 5, 2), stored.SubmittedOn);
        Assert.Equal("business", stored.RespondentGroup);
        Assert.Equal(form.AnswerFields.Select(f => (byte)(f.Length % 2)), stored.Answers);
    }

    [Fact]
    public async Task The_device_cookie_only_notes_that_this_device_answered_and_the_form_then_says_so_gently()
    {
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}");

        var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel);
        var again = await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("answered-", StringComparison.Ordinal));
        Assert.StartsWith($"answered-{_round.EitCode}=1;", cookie, StringComparison.Ordinal);
        Assert.Contains("อุปกรณ์นี้เคยใช้ส่งแบบวัดนี้แล้ว", again.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(18, again.AnswerFields.Count()); // still answerable: a shared device is normal
    }

    [Fact]
    public async Task Missing_answers_come_back_with_every_given_answer_kept_and_each_missing_one_named_in_Thai()
    {
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/iit/{_round.IitCode}");
        var fields = form.Complete(_ => 1).Where(f => f.Key is not ("I13" or "I18.2" or "_service")).ToList();

        var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(fields), Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var again = RenderedForm.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var summary = again.Document.QuerySelector(".error-summary")!;
        Assert.Contains("ยังตอบไม่ครบ 3 ข้อ", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal(["#screening", "#q-I13", "#q-I18"], summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("กรุณาเลือกคำตอบของข้อนี้", again.Document.QuerySelector("#q-I13")!.TextContent, StringComparison.Ordinal);
        foreach (var field in form.AnswerFields.Where(f => f is not ("I13" or "I18.2")))
        {
            var checkedValue = again.Document.QuerySelector($"input[name='{field}'][checked]")?.GetAttribute("value");
            Assert.True(checkedValue == "1", $"{field} lost its answer");
        }
        Assert.Empty(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task A_form_completed_after_a_validation_round_trip_is_stored_once()
    {
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}");
        var partial = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete().Where(f => f.Key != "E2")), Cancel);
        var again = RenderedForm.Parse(await partial.Content.ReadAsStringAsync(Cancel));

        var response = await browser.PostAsync(again.Action, new FormUrlEncodedContent(again.Complete()), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task Resubmitting_the_same_form_stores_nothing_more_and_says_the_answers_were_received()
    {
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}");
        var body = form.Complete();

        var first = await browser.PostAsync(form.Action, new FormUrlEncodedContent(body), Cancel);
        var second = await browser.PostAsync(form.Action, new FormUrlEncodedContent(body), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("ได้รับคำตอบนี้แล้ว", await second.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Single(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task A_respondent_who_did_not_contact_the_agency_is_thanked_and_nothing_is_stored()
    {
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}");

        var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete(capacity: "none")), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("แบบวัดนี้สำหรับผู้ที่เคยติดต่อ", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task Sixty_four_concurrent_submissions_with_repeated_keys_store_exactly_the_acknowledged_ones_once_each()
    {
        // 48 distinct forms; 16 of them are also sent a second time at the same moment.
        var forms = new List<(HttpClient Browser, RenderedForm Form)>();
        for (var i = 0; i < 48; i++)
        {
            var browser = _app.NewBrowser();
            forms.Add((browser, await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}")));
        }
        var posts = forms.Concat(forms.Take(16))
            .Select(f => (f.Form.Hidden["_key"], Task: f.Browser.PostAsync(f.Form.Action, new FormUrlEncodedContent(f.Form.Complete()), Cancel)))
            .ToList();

        await Task.WhenAll(posts.Select(p => p.Task));

        var acknowledged = posts.Where(p => p.Task.Result.StatusCode == HttpStatusCode.Redirect).ToList();
        Assert.Equal(64, posts.Count);
        Assert.Equal(48, acknowledged.Count);
        Assert.All(posts.Except(acknowledged), p => Assert.Equal(HttpStatusCode.Conflict, p.Task.Result.StatusCode));
        Assert.Equal(48, acknowledged.Select(p => p.Item1).Distinct().Count());
        var stored = await _app.StoredResponsesAsync();
        Assert.Equal(48, stored.Count);
        Assert.Equal(48, stored.Select(r => r.SubmissionKey).Distinct().Count());
    }
}
