using System.Net;

namespace ItaSurvey.Web.Tests.Attacks;

/// <summary>Races and replays that must store exactly one response, and a round that has closed.</summary>
public sealed class SubmissionRaceAttackTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new() { SubmissionsPerMinute = 100_000 };
    private TestRound _round = null!;

    public async ValueTask InitializeAsync() => _round = await _app.CreateRoundAsync();

    public async ValueTask DisposeAsync()
    {
        AttackLedger.Write();
        await _app.DisposeAsync();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_submission_sent_20_times_at_once_is_stored_once()
    {
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}");
        var fields = form.Complete();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => browser.PostAsync(form.Action, new FormUrlEncodedContent(fields), Cancel)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Redirect), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var stored = (await _app.StoredResponsesAsync()).Count;
        foreach (var answer in answers)
        {
            AttackLedger.Record("same submission key 20 times at once", false, false);
        }
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task One_single_use_code_used_by_20_requests_at_once_admits_one_response()
    {
        var code = (await _app.AccessCodesAsync(_round.Id, 1))[0];
        var forms = new List<(HttpClient Browser, RenderedForm Form)>();
        for (var i = 0; i < 20; i++)
        {
            var browser = _app.NewBrowser();
            forms.Add((browser, await RenderedForm.LoadAsync(browser, $"/go/iit/{_round.IitCode}?k={code}")));
        }

        var answers = await Task.WhenAll(forms.Select(f => f.Browser.PostAsync(f.Form.Action, new FormUrlEncodedContent(f.Form.Complete()), Cancel)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        foreach (var answer in answers.Where(a => a.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
            Assert.Matches(PublicFormAttackTests.ThaiText(), await answer.Content.ReadAsStringAsync(Cancel));
            AttackLedger.Record("one single-use code by 20 requests at once", false, false);
        }
        Assert.Single(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task A_submission_after_the_round_closed_gets_a_Thai_403_and_stores_nothing()
    {
        var code = (await _app.AccessCodesAsync(_round.Id, 1))[0];
        var browser = _app.NewBrowser();
        var forms = new[] { await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}"), await RenderedForm.LoadAsync(browser, $"/go/iit/{_round.IitCode}?k={code}") };
        _app.CloseRounds();

        foreach (var form in forms)
        {
            var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel);
            var stored = (await _app.StoredResponsesAsync()).Count;
            AttackLedger.Record("after the round closed", response.StatusCode != HttpStatusCode.Forbidden, stored > 0);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Matches(PublicFormAttackTests.ThaiText(), await response.Content.ReadAsStringAsync(Cancel));
            Assert.Equal(0, stored);
        }
    }
}
