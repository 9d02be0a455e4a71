using System.Net;
using System.Text;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Tests.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Security;

/// <summary>Transport and request-forgery findings of the outside review, each pinned by a test.</summary>
public class ReviewFindingsTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_that_reached_the_proxy_over_https_gets_strict_transport_security()
    {
        await using var app = new SurveyApp { TestServices = s => s.AddSingleton<IStartupFilter>(new FromLoopbackProxy()) };
        var client = app.CreateClient(new() { BaseAddress = new Uri("http://ita.example.test"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_http_request_without_the_proxy_gets_no_strict_transport_security()
    {
        var client = _app.CreateClient(new() { BaseAddress = new Uri("http://ita.example.test"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/", Cancel);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task An_admin_form_post_without_its_antiforgery_token_gets_400_and_the_Thai_page_not_500()
    {
        var round = await _app.CreateRoundAsync();
        var (email, password) = await _app.CreateUserAsync(Roles.SystemAdmin);
        var browser = await _app.SignedInBrowserAsync(email, password);

        var response = await browser.PostAsync($"/admin/rounds/{round.Id}/slips", new FormUrlEncodedContent(new Dictionary<string, string> { ["count"] = "3" }), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("คำขอไม่ถูกต้อง", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(await _app.AccessCodesInDatabaseAsync(round.Id));
    }

    [Fact]
    public async Task A_cookie_authenticated_API_write_without_the_antiforgery_header_is_refused_and_changes_nothing()
    {
        var round = await _app.CreateRoundAsync();
        var (email, password) = await _app.CreateUserAsync(Roles.SystemAdmin);
        var browser = await _app.SignedInBrowserAsync(email, password);

        var forged = await browser.PostAsync($"/api/v1/rounds/{round.Id}/access-codes",
            new StringContent("""{"count": 3}""", Encoding.UTF8, "application/json"), Cancel);
        var read = await browser.GetAsync($"/api/v1/rounds/{round.Id}", Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("RequestVerificationToken", await forged.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode); // reading with the cookie still works
        Assert.Empty(await _app.AccessCodesInDatabaseAsync(round.Id));
    }

    [Fact]
    public async Task The_same_API_write_with_a_token_needs_no_antiforgery_header()
    {
        var round = await _app.CreateRoundAsync();
        var admin = await _app.ApiUserAsync(Roles.SystemAdmin);

        var response = await admin.Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/access-codes", new { count = 3 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await _app.AccessCodesInDatabaseAsync(round.Id)).Count);
    }

    /// <summary>The reverse proxy on the same machine: requests arrive from loopback.</summary>
    private sealed class FromLoopbackProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
