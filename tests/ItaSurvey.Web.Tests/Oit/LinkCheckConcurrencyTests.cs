namespace ItaSurvey.Web.Tests.Oit;

/// <summary>Oit:LinkCheck:Parallelism bounds the whole process's checks, however many are asked for at once.</summary>
public sealed class LinkCheckConcurrencyTests
{
    [Fact]
    public async Task Three_checks_started_together_never_have_more_urls_in_progress_than_the_setting_allows()
    {
        await using var site = await LoopbackSite.StartAsync();
        await using var app = new LinkCheckApp(parallelism: 2);
        var first = await app.RoundWithUrlsAsync([.. Enumerable.Range(1, 6).Select(i => site.Url($"/pause?a={i}"))]);
        var second = await app.RoundWithUrlsAsync([.. Enumerable.Range(1, 6).Select(i => site.Url($"/pause?b={i}"))]);
        var cancel = TestContext.Current.CancellationToken;

        // Two administrators press "check again" while the background pass runs.
        await Task.WhenAll(app.Checker.CheckNowAsync(first, cancel), app.Checker.CheckNowAsync(second, cancel), app.Checker.CheckDueAsync(cancel));

        Assert.Equal(2, site.PausesAtOnce);
        Assert.All((await app.UrlsAsync()).Values, u => Assert.Equal(200, u.LastStatus));
    }
}
