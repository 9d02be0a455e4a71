using ItaSurvey.Web.Tests.Oit;

namespace ItaSurvey.Web.Tests.Attacks;

/// <summary>
/// With the production setting (no private networks), the link check never opens a connection to
/// this machine, however the address is spelled, through a name that resolves to it, or with
/// another scheme; a loopback site counts every TCP connection it accepts. Private and metadata
/// ranges are tested against the filter's table (ReservedNetworksTests), never contacted.
/// </summary>
public sealed class LinkCheckAttackTests : IAsyncLifetime
{
    private readonly LinkCheckApp _app = new(allowPrivateNetworks: false);
    private LoopbackSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await LoopbackSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        AttackLedger.Write();
        await _site.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task No_spelling_of_this_machine_and_no_other_scheme_makes_the_link_check_connect()
    {
        var port = _site.Address.Port;
        string[] urls =
        [
            $"http://127.0.0.1:{port}/ok", $"https://127.0.0.1:{port}/ok", $"http://localhost:{port}/ok", $"http://LOCALHOST.:{port}/ok",
            $"http://127.1:{port}/ok", $"http://2130706433:{port}/ok", $"http://0x7f000001:{port}/ok", $"http://0177.0.0.1:{port}/ok",
            $"http://127.0.0.2:{port}/ok", $"http://[::ffff:127.0.0.1]:{port}/ok", $"http://[::1]:{port}/ok", $"http://0.0.0.0:{port}/ok",
            $"http://user:pass@127.0.0.1:{port}/ok", $"ftp://127.0.0.1:{port}/ok", $"gopher://127.0.0.1:{port}/ok", "file:///etc/passwd",
            $"ws://127.0.0.1:{port}/ok", "data:text/html,<script>alert(1)</script>",
        ];
        var round = await _app.RoundWithUrlsAsync(urls);
        using (var direct = new HttpClient())
        {
            await direct.GetAsync(_site.Url("/ok"), TestContext.Current.CancellationToken); // the counter counts
        }
        Assert.Equal(1, _site.Connections);

        await _app.Checker.CheckNowAsync(round, TestContext.Current.CancellationToken);

        var checkedUrls = await _app.UrlsAsync();
        foreach (var url in urls)
        {
            var stored = checkedUrls[url];
            AttackLedger.Record("link check to this machine or another scheme", stored.LastStatus is not null, false);
            Assert.True(stored.LastStatus is null && !string.IsNullOrWhiteSpace(stored.LastError), $"{url}: {stored.LastStatus} {stored.LastError}");
        }
        Assert.Equal(1, _site.Connections);
        Assert.Single(_site.Requests);
    }
}
