using System.Net;
using ItaSurvey.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Attacks;

/// <summary>Headers and cookies on every kind of page, and a client that lies about its address.</summary>
public sealed class TransportAttackTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new() { SubmissionsPerMinute = 3, TestServices = s => s.AddSingleton<IStartupFilter>(new PeerFromHeader()) };
    private TestRound _round = null!;

    public async ValueTask InitializeAsync() => _round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink);

    public async ValueTask DisposeAsync()
    {
        AttackLedger.Write();
        await _app.DisposeAsync();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Public_admin_and_API_answers_carry_the_security_headers_and_only_secure_http_only_same_site_cookies()
    {
        var (email, password) = await _app.CreateUserAsync(Roles.SystemAdmin);
        var signedIn = Browser(); // over https on the public host name (HSTS is never sent for localhost)
        var login = await LoginAsync(signedIn, email, password);
        var anonymous = Browser();
        var form = await RenderedForm.LoadAsync(anonymous, $"/go/eit/{_round.EitCode}");
        var submitted = await anonymous.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel);
        var loginPage = await Browser().GetAsync("/admin/login", Cancel);
        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["home"] = await anonymous.GetAsync("/", Cancel),
            ["EIT form"] = await anonymous.GetAsync($"/go/eit/{_round.EitCode}", Cancel),
            ["submission"] = submitted,
            ["QR code"] = await anonymous.GetAsync($"/go/eit/{_round.EitCode}/qr.svg", Cancel),
            ["not found"] = await anonymous.GetAsync("/no/such/page", Cancel),
            ["login page"] = loginPage,
            ["login"] = login,
            ["admin page"] = await signedIn.GetAsync($"/admin/rounds/{_round.Id}", Cancel),
            ["API"] = await signedIn.GetAsync("/api/v1/agencies", Cancel),
            ["API problem"] = await anonymous.GetAsync("/api/v1/agencies", Cancel),
        };

        foreach (var (what, response) in answers)
        {
            var headers = response.Headers;
            var csp = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : "";
            var problems = new List<string>();
            if (!csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal) || !csp.Contains("default-src 'self'", StringComparison.Ordinal) || csp.Contains("unsafe-eval", StringComparison.Ordinal))
            {
                problems.Add("CSP: " + csp);
            }
            if (Header(response, "X-Content-Type-Options") != "nosniff")
            {
                problems.Add("nosniff");
            }
            if (Header(response, "Referrer-Policy") != "no-referrer")
            {
                problems.Add("Referrer-Policy");
            }
            if (!Header(response, "Strict-Transport-Security").StartsWith("max-age=", StringComparison.Ordinal))
            {
                problems.Add("HSTS");
            }
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
            {
                var flags = cookie.ToLowerInvariant();
                if (!flags.Contains("; secure", StringComparison.Ordinal) || !flags.Contains("; httponly", StringComparison.Ordinal)
                    || !(flags.Contains("samesite=strict", StringComparison.Ordinal) || flags.Contains("samesite=lax", StringComparison.Ordinal)))
                {
                    problems.Add("cookie " + cookie[..cookie.IndexOf('=')] + ": " + cookie[(cookie.IndexOf(';') + 1)..]);
                }
            }
            AttackLedger.Record("headers and cookies", problems.Count > 0, false);
            Assert.True(problems.Count == 0, $"{what} ({(int)response.StatusCode}): {string.Join("; ", problems)}");
        }
    }

    [Fact]
    public async Task A_client_cannot_escape_the_per_client_limit_by_sending_X_Forwarded_For()
    {
        var refused = 0;
        for (var i = 0; i < 6; i++)
        {
            var response = await SubmitAsync(peer: "203.0.113.9", forwardedFor: $"198.51.100.{i}");
            refused += response.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
        }

        // The limit is 3 a minute: the address the connection came from counts, not the header.
        AttackLedger.Record("X-Forwarded-For from a client", refused != 3, false);
        Assert.Equal(3, refused);
    }

    [Fact]
    public async Task Behind_the_loopback_proxy_each_forwarded_client_has_its_own_limit()
    {
        for (var i = 0; i < 6; i++)
        {
            var response = await SubmitAsync(peer: "127.0.0.1", forwardedFor: $"198.51.100.{i}");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
        var fourth = HttpStatusCode.OK;
        for (var i = 0; i < 4; i++)
        {
            fourth = (await SubmitAsync(peer: "127.0.0.1", forwardedFor: "198.51.100.200")).StatusCode;
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth);
    }

    private async Task<HttpResponseMessage> SubmitAsync(string peer, string forwardedFor)
    {
        var browser = _app.NewBrowser();
        browser.DefaultRequestHeaders.Add(PeerFromHeader.Header, peer);
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}");
        return await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel);
    }

    private HttpClient Browser() =>
        _app.CreateClient(new() { BaseAddress = new Uri("https://ita.example.test"), AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient browser, string email, string password)
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await browser.GetStringAsync("/admin/login", Cancel));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await browser.PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["email"] = email, ["password"] = password,
        }), Cancel);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single()
        : response.Content.Headers.TryGetValues(name, out var content) ? content.Single() : "";

    /// <summary>The connection's peer address, as a network would give it: set from a test header before anything reads it.</summary>
    private sealed class PeerFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header].FirstOrDefault() ?? "127.0.0.1");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
