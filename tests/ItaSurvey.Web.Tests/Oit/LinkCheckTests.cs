using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Tests.Oit;

public class LinkCheckTests : IAsyncLifetime
{
    private readonly LinkCheckApp _app = new();
    private LoopbackSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await LoopbackSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Checking_a_round_now_records_each_status_redirects_followed_and_the_time_of_the_app_clock()
    {
        var round = await _app.RoundWithUrlsAsync(_site.Url("/ok"), _site.Url("/missing"), _site.Url("/moved"), _site.Url("/loop"));

        var count = await _app.Checker.CheckNowAsync(round, Cancel);

        var urls = await _app.UrlsAsync();
        Assert.Equal(4, count);
        Assert.Equal(200, urls[_site.Url("/ok")].LastStatus);
        Assert.Equal(404, urls[_site.Url("/missing")].LastStatus);
        Assert.Equal(200, urls[_site.Url("/moved")].LastStatus);
        Assert.Equal(302, urls[_site.Url("/loop")].LastStatus); // gave up after 5 redirects
        Assert.All(urls.Values, u => Assert.Null(u.LastError));
        Assert.All(urls.Values, u => Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime, u.LastCheckedAt));
        Assert.Equal(6, _site.Requests.Count(r => r.StartsWith("GET /loop", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Evidence_is_read_with_one_GET_and_every_request_names_the_link_check()
    {
        var round = await _app.RoundWithUrlsAsync(_site.Url("/get-only"));

        await _app.Checker.CheckNowAsync(round, Cancel);

        Assert.Equal(200, (await _app.UrlsAsync())[_site.Url("/get-only")].LastStatus);
        Assert.Equal(["GET /get-only"], _site.Requests.Select(r => string.Join(' ', r.Split(' ')[..2])));
        Assert.All(_site.Requests, r => Assert.EndsWith("ItaSurvey-LinkCheck/1.0", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_server_a_closed_port_and_a_non_web_address_are_recorded_as_short_reasons()
    {
        var closed = $"http://127.0.0.1:{LoopbackSite.ClosedPort()}/ita";
        var round = await _app.RoundWithUrlsAsync(_site.Url("/slow"), closed, "ftp://127.0.0.1/ita.pdf", "www.khlongwan.example/ita");

        await _app.Checker.CheckNowAsync(round, Cancel);

        var urls = await _app.UrlsAsync();
        Assert.Equal("timeout", urls[_site.Url("/slow")].LastError);
        Assert.Equal("refused", urls[closed].LastError);
        Assert.Equal("not an http(s) URL", urls["ftp://127.0.0.1/ita.pdf"].LastError);
        Assert.Equal("not an http(s) URL", urls["www.khlongwan.example/ita"].LastError);
        Assert.All(urls.Values, u => Assert.Null(u.LastStatus));
        Assert.All(urls.Values, u => Assert.NotNull(u.LastCheckedAt));
        Assert.DoesNotContain(_site.Requests, r => r.Contains("ita.pdf", StringComparison.Ordinal));
    }

    /// <summary>Issue 18, item 8: a redirect to file:// (or any scheme but http(s)) is a short reason of our own, not an exception's text.</summary>
    [Fact]
    public async Task A_redirect_to_a_file_URL_is_recorded_as_a_short_reason_of_our_own_and_not_followed()
    {
        var round = await _app.RoundWithUrlsAsync(_site.Url("/to-file"), _site.Url("/to-moved-file"));

        await _app.Checker.CheckNowAsync(round, Cancel);

        var urls = await _app.UrlsAsync();
        foreach (var path in new[] { "/to-file", "/to-moved-file" })
        {
            Assert.Null(urls[_site.Url(path)].LastStatus);
            Assert.Equal("redirected to an address that is not http(s)", urls[_site.Url(path)].LastError);
        }
    }

    [Fact]
    public async Task The_due_pass_checks_urls_never_checked_or_older_than_the_recheck_age_and_leaves_recent_ones()
    {
        await _app.RoundWithUrlsAsync(_site.Url("/ok"), _site.Url("/ok?old"), _site.Url("/ok?recent"));
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        await using (var db = await _app.NewDbAsync())
        {
            await db.OitEvidenceUrls.Where(u => u.Url.EndsWith("?old")).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastCheckedAt, now.AddHours(-25)), Cancel);
            await db.OitEvidenceUrls.Where(u => u.Url.EndsWith("?recent")).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastCheckedAt, now.AddHours(-23)), Cancel);
        }

        var count = await _app.Checker.CheckDueAsync(Cancel);

        var urls = await _app.UrlsAsync();
        Assert.Equal(2, count);
        Assert.Equal(now, urls[_site.Url("/ok")].LastCheckedAt);
        Assert.Equal(now, urls[_site.Url("/ok?old")].LastCheckedAt);
        Assert.Equal(now.AddHours(-23), urls[_site.Url("/ok?recent")].LastCheckedAt);
        Assert.Null(urls[_site.Url("/ok?recent")].LastStatus);
        Assert.Equal(0, await _app.Checker.CheckDueAsync(Cancel));
    }
}
