using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using ItaSurvey.Web.Oit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Tests.Oit;

/// <summary>Failures that a loopback server cannot produce, answered by a fake handler; and the private-address guard.</summary>
public class LinkCheckFailureTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_name_that_does_not_resolve_is_recorded_as_DNS()
    {
        var checker = Checker(new Failing(new HttpRequestException(HttpRequestError.NameResolutionError, "No such host is known.",
            new SocketException((int)SocketError.HostNotFound))));

        var outcome = await checker.CheckAsync("https://www.khlongwan.example/ita", Cancel);

        Assert.Equal(new LinkCheckOutcome(null, LinkCheckFailure.Dns), outcome);
        Assert.Equal("DNS", outcome.Error);
    }

    [Fact]
    public async Task A_certificate_the_server_cannot_prove_is_recorded_as_TLS()
    {
        var checker = Checker(new Failing(new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established.",
            new AuthenticationException("The remote certificate is invalid."))));

        var outcome = await checker.CheckAsync("https://www.khlongwan.example/ita", Cancel);

        Assert.Equal(new LinkCheckOutcome(null, LinkCheckFailure.Tls), outcome);
    }

    [Fact]
    public async Task A_handler_that_never_answers_is_recorded_as_timeout_after_the_per_url_limit()
    {
        var checker = Checker(new Hanging(), new LinkCheckOptions { Timeout = TimeSpan.FromMilliseconds(200) });

        var outcome = await checker.CheckAsync("https://www.khlongwan.example/ita", Cancel);

        Assert.Equal(new LinkCheckOutcome(null, LinkCheckFailure.Timeout), outcome);
    }

    [Fact]
    public async Task Shutting_down_cancels_a_check_instead_of_recording_it()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var checker = Checker(new Hanging());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => checker.CheckAsync("https://www.khlongwan.example/ita", stopping.Token));
    }

    [Fact]
    public async Task By_default_the_check_refuses_loopback_and_private_addresses_without_connecting()
    {
        await using var site = await LoopbackSite.StartAsync();
        var options = new LinkCheckOptions();
        var checker = Checker(LinkCheckConnector.Handler(options), options);

        var outcome = await checker.CheckAsync(site.Url("/ok"), Cancel);

        Assert.Equal(new LinkCheckOutcome(null, LinkCheckFailure.Blocked), outcome);
        Assert.Equal("blocked: not a public internet address", outcome.Error);
        Assert.Empty(site.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("203.150.1.10", true)]
    [InlineData("2001:db8::1", false)] // documentation: counted as public before issue 18
    public void Only_public_addresses_pass_the_guard(string address, bool allowed) =>
        Assert.Equal(allowed, LinkCheckConnector.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task An_unforeseen_failure_is_recorded_in_words_of_our_own_not_the_exceptions_message()
    {
        var checker = Checker(new Failing(new HttpRequestException("Some internal detail /etc/passwd at System.Net.Http…")));

        var outcome = await checker.CheckAsync("https://www.khlongwan.example/ita", Cancel);

        Assert.Equal(LinkCheckFailure.Failed, outcome.Failure);
        Assert.Equal("the check failed", outcome.Error);
    }

    [Fact]
    public void Every_failure_has_a_short_reason_of_our_own()
    {
        var reasons = Enum.GetValues<LinkCheckFailure>().Select(LinkCheckOutcome.Reason).ToList();

        Assert.All(reasons, r => Assert.InRange(r.Length, 1, 60));
        Assert.Equal(reasons.Count, reasons.Distinct().Count());
    }

    private static OitLinkChecker Checker(HttpMessageHandler handler, LinkCheckOptions? options = null)
    {
        var settings = Options.Create(options ?? new LinkCheckOptions());
        // CheckAsync never touches the database or the survey library.
        return new(null!, new EvidenceFetcher(new OneClient(handler), settings), null!, settings, TimeProvider.System, NullLogger<OitLinkChecker>.Instance);
    }

    private sealed class OneClient(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class Failing(Exception exception) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(exception);
    }

    private sealed class Hanging : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
