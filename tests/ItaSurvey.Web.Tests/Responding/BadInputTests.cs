using System.Net;
using System.Text;

namespace ItaSurvey.Web.Tests.Responding;

/// <summary>Each kind of bad input gets a clear 4xx page in Thai and stores nothing.</summary>
public class BadInputTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new SurveyApp { SubmissionsPerMinute = 1000 };
    private TestRound _round = null!;

    public async ValueTask InitializeAsync() => _round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> TamperedForms => new()
    {
        { "unknown question code", "add:E99=1" },
        { "out-of-range level", "set:E2=4" },
        { "negative level", "set:E2=-1" },
        { "non-numeric level", "set:E2=มาก" },
        { "level with a leading zero", "set:E2=01" }, // issue 18: was stored as level 1
        { "level with a leading zero of level 0", "set:E2=00" },
        { "duplicated answer field", "add:E2=0" },
        { "unknown capacity", "set:_capacity=minister" },
        { "duplicated submission key", "add:_key=again" },
    };

    [Theory]
    [MemberData(nameof(TamperedForms))]
    public async Task A_tampered_form_is_rejected_whole_with_a_Thai_400_page(string what, string change)
    {
        var (browser, form) = await OpenAsync();
        var fields = form.Complete();
        var (op, field, value) = (change[..3], change[4..change.IndexOf('=')], change[(change.IndexOf('=') + 1)..]);
        if (op == "set")
        {
            fields.RemoveAll(f => f.Key == field);
        }
        fields.Add(KeyValuePair.Create(field, value));

        var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(fields), Cancel);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode}");
        Assert.Contains("แบบฟอร์มไม่ถูกต้อง", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413()
    {
        var (browser, form) = await OpenAsync();
        var fields = form.Complete();
        fields.Add(KeyValuePair.Create("padding", new string('x', 40_000)));

        var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(fields), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("ข้อมูลมีขนาดใหญ่เกินไป", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task Too_many_fields_get_413()
    {
        var (browser, form) = await OpenAsync();
        var fields = form.Complete();
        fields.AddRange(Enumerable.Range(0, 300).Select(i => KeyValuePair.Create($"x{i}", "1")));

        var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(fields), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task A_JSON_body_gets_415()
    {
        var (browser, form) = await OpenAsync();
        var json = "{" + string.Join(",", form.Complete().Select(f => $"\"{f.Key}\":\"{f.Value}\"")) + "}";

        var response = await browser.PostAsync(form.Action, new StringContent(json, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("รูปแบบข้อมูลไม่ถูกต้อง", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task A_missing_antiforgery_token_gets_400()
    {
        var (browser, form) = await OpenAsync();
        var fields = form.Complete().Where(f => f.Key != "__RequestVerificationToken");

        var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(fields), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ไม่สามารถยืนยันแบบฟอร์มได้", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task An_antiforgery_token_replayed_from_another_browser_gets_400()
    {
        var (_, form) = await OpenAsync();
        var other = _app.NewBrowser();
        await RenderedForm.LoadAsync(other, $"/go/eit/{_round.EitCode}"); // other has its own antiforgery cookie

        var response = await other.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task A_forged_submission_key_comes_back_with_the_answers_kept_and_stores_nothing()
    {
        var (browser, form) = await OpenAsync();
        var fields = form.Complete(_ => 1);
        fields.RemoveAll(f => f.Key == "_key");
        fields.Add(KeyValuePair.Create("_key", "CfDJ8-forged"));

        var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(fields), Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var again = RenderedForm.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("กรุณากดส่งอีกครั้ง", again.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.All(again.AnswerFields, f => Assert.NotNull(again.Document.QuerySelector($"input[name='{f}'][value='1'][checked]")));
        Assert.NotEqual("CfDJ8-forged", again.Hidden["_key"]);
        Assert.Empty(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task A_submission_key_issued_for_another_survey_is_not_accepted()
    {
        var browser = _app.NewBrowser();
        var iit = await RenderedForm.LoadAsync(browser, $"/go/iit/{_round.IitCode}");
        var (_, eit) = await OpenAsync(browser);
        var fields = eit.Complete();
        fields.RemoveAll(f => f.Key == "_key");
        fields.Add(KeyValuePair.Create("_key", iit.Hidden["_key"]));

        var response = await browser.PostAsync(eit.Action, new FormUrlEncodedContent(fields), Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task A_submission_after_the_round_closed_gets_403_with_the_dates()
    {
        var (browser, form) = await OpenAsync();
        _app.Clock.Advance(TimeSpan.FromDays(60));

        var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("30 มิถุนายน 2566", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task A_post_to_an_unknown_code_gets_404()
    {
        var (browser, form) = await OpenAsync();

        var response = await browser.PostAsync("/go/eit/ZZZZZZ", new FormUrlEncodedContent(form.Complete()), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await _app.StoredResponsesAsync());
    }

    private async Task<(HttpClient Browser, RenderedForm Form)> OpenAsync(HttpClient? browser = null)
    {
        browser ??= _app.NewBrowser();
        return (browser, await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}"));
    }
}
