using ItaSurvey.Core.Evidence;

namespace ItaSurvey.Web.Tests.Oit;

/// <summary>With the production setting the evidence check, like the link check, never reads from this machine.</summary>
public sealed class EvidencePrivateNetworkTests : IAsyncLifetime
{
    private readonly LinkCheckApp _app = new(allowPrivateNetworks: false);
    private EvidenceSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await EvidenceSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_loopback_address_and_a_redirect_chain_on_it_are_refused_as_broken_links()
    {
        var localhost = new UriBuilder(_site.Url("/hop/2")) { Host = "localhost" }.Uri.ToString();
        var round = await _app.RoundWithUrlsAsync(_site.Url("/right.html"), localhost);

        await _app.Checker.CheckNowAsync(round, TestContext.Current.CancellationToken);

        var urls = await _app.UrlsAsync();
        Assert.All(urls.Values, u => Assert.Equal((EvidenceVerdict.Broken, EvidenceFinding.Unreachable), (u.Verdict, u.VerdictFinding)));
        Assert.All(urls.Values, u => Assert.Equal("blocked: not a public internet address", u.LastError));
    }
}
