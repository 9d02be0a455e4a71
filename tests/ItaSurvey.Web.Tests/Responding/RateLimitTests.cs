using System.Net;

namespace ItaSurvey.Web.Tests.Responding;

public class RateLimitTests
{
    [Fact]
    public async Task Submissions_over_the_per_client_limit_get_a_Thai_429_and_are_not_stored()
    {
        await using var app = new SurveyApp { SubmissionsPerMinute = 3 };
        var round = await app.CreateRoundAsync(Rounds.IitMode.OpenLink);
        var statuses = new List<HttpStatusCode>();
        string last = "";
        for (var i = 0; i < 4; i++)
        {
            var browser = app.NewBrowser();
            var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{round.EitCode}");
            var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            last = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("ส่งถี่เกินไป", last, StringComparison.Ordinal);
        Assert.Equal(3, (await app.StoredResponsesAsync()).Count);
    }
}
