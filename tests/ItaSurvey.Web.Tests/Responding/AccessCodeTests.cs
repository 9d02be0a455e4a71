using System.Net;

namespace ItaSurvey.Web.Tests.Responding;

public class AccessCodeTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();
    private TestRound _round = null!;

    public async ValueTask InitializeAsync() => _round = await _app.CreateRoundAsync(Rounds.IitMode.SingleUseCodes);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_code_the_IIT_link_asks_for_one()
    {
        var html = await _app.NewBrowser().GetStringAsync($"/go/iit/{_round.IitCode}", Cancel);

        Assert.Contains("กรอกรหัสสำหรับตอบแบบวัด", html, StringComparison.Ordinal);
        Assert.Contains("name=\"k\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_works_once_and_the_second_use_gets_a_clear_Thai_409()
    {
        var code = (await _app.AccessCodesAsync(_round.Id, 1))[0];
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/iit/{_round.IitCode}?k={code.ToLowerInvariant()[..5]}-{code[5..]}");
        Assert.Equal(code, form.Hidden["_code"]); // typed in lower case with a dash, read as printed

        var first = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel);
        var reopen = await _app.NewBrowser().GetAsync($"/go/iit/{_round.IitCode}?k={code}", Cancel);
        var secondForm = await StaleFormWithCodeAsync(code);
        var second = await secondForm.Browser.PostAsync(secondForm.Form.Action, new FormUrlEncodedContent(secondForm.Fields), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
        Assert.Contains("รหัสนี้ถูกใช้ตอบแบบวัดไปแล้ว", await reopen.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("รหัสนี้ถูกใช้ตอบแบบวัดไปแล้ว", await second.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Single(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task The_stored_response_keeps_no_trace_of_the_code_that_admitted_it()
    {
        var code = (await _app.AccessCodesAsync(_round.Id, 1))[0];
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/iit/{_round.IitCode}?k={code}");

        await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel);

        var stored = Assert.Single(await _app.StoredResponsesAsync());
        Assert.DoesNotContain(typeof(ItaSurvey.Web.Responding.Response).GetProperties(), p => p.Name.Contains("Code", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("IIT", stored.Instrument);
        Assert.DoesNotContain(code, System.Text.Json.JsonSerializer.Serialize(stored), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAAAAAAAAA")]
    [InlineData("short")]
    public async Task An_unknown_code_is_refused_on_the_code_page(string typed)
    {
        var response = await _app.NewBrowser().GetAsync($"/go/iit/{_round.IitCode}?k={typed}", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ไม่พบรหัสนี้", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_with_a_code_of_another_round_stores_nothing()
    {
        var other = await _app.CreateRoundAsync(Rounds.IitMode.SingleUseCodes);
        var foreign = (await _app.AccessCodesAsync(other.Id, 1))[0];
        var own = (await _app.AccessCodesAsync(_round.Id, 1))[0];
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/iit/{_round.IitCode}?k={own}");
        var fields = form.Complete();
        fields.RemoveAll(f => f.Key == "_code");
        fields.Add(KeyValuePair.Create("_code", foreign));

        var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(fields), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(await _app.StoredResponsesAsync());
    }

    // Two tabs opened with the same code before either was sent.
    private async Task<(HttpClient Browser, RenderedForm Form, List<KeyValuePair<string, string>> Fields)> StaleFormWithCodeAsync(string code)
    {
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/iit/{_round.IitCode}?k=" + (await _app.AccessCodesAsync(_round.Id, 1))[0]);
        var fields = form.Complete();
        fields.RemoveAll(f => f.Key == "_code");
        fields.Add(KeyValuePair.Create("_code", code));
        return (browser, form, fields);
    }
}
