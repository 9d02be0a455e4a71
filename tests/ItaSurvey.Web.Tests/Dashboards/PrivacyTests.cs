using System.Net;
using ItaSurvey.Web.ScoredResults;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Dashboards;

/// <summary>Scores built from fewer than five respondents are withheld everywhere, so nobody can be singled out.</summary>
public class PrivacyTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();
    private TestRound _round = null!;

    public async ValueTask InitializeAsync() => _round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public async Task An_instrument_with_fewer_than_five_responses_has_no_scores_at_all(int responses, bool withheld)
    {
        for (var i = 0; i < responses; i++)
        {
            var browser = _app.NewBrowser();
            var form = await RenderedForm.LoadAsync(browser, $"/go/iit/{_round.IitCode}");
            var posted = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete(_ => 0)), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        _app.CloseRounds(); // while open, IIT figures also wait for blocks of five (RoundDashboardTests)

        var result = (await _app.Services.GetRequiredService<RoundResults>().ForRoundAsync(_round.Id, TestContext.Current.CancellationToken))!;

        Assert.Equal(responses, result.ResponsesOf("IIT"));
        Assert.Equal(withheld, result.IsWithheld("IIT"));
        Assert.Equal(withheld, result.Assessment.Instrument("IIT").Score is null);
        Assert.Equal(withheld, result.Assessment.Questionnaires["IIT"].Questions.All(q => q.Score is null && q.Fields.All(f => f.Respondents == 0)));
    }
}
