using System.Net;
using ItaSurvey.Web.Accounts;

namespace ItaSurvey.Web.Tests.Accounts;

public class LoginTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_signs_in_with_the_login_form_and_gets_a_secure_http_only_cookie()
    {
        var (email, password) = await _app.CreateUserAsync(Roles.SystemAdmin);

        var browser = await _app.SignedInBrowserAsync(email, password);

        Assert.NotNull(browser);
    }

    [Fact]
    public async Task A_wrong_password_says_so_in_Thai_and_five_failures_lock_the_account()
    {
        var (email, _) = await _app.CreateUserAsync(Roles.AgencyAdmin);
        var browser = _app.NewBrowser();
        string? location = null;
        for (var i = 0; i < 6; i++)
        {
            var page = RenderedLogin(await browser.GetStringAsync("/admin/login", Cancel));
            var response = await browser.PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = page, ["email"] = email, ["password"] = "wrong-password-1",
            }), Cancel);
            location = response.Headers.Location?.OriginalString;
        }

        Assert.StartsWith("/admin/login?error=locked", location, StringComparison.Ordinal);
        var html = await browser.GetStringAsync(location, Cancel);
        Assert.Contains("บัญชีถูกล็อกชั่วคราว", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_page_without_signing_in_leads_to_the_login_page()
    {
        var response = await _app.NewBrowser().GetAsync("/admin", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_to_another_site_is_ignored()
    {
        var (email, password) = await _app.CreateUserAsync(Roles.Viewer);
        var browser = _app.NewBrowser();
        var token = RenderedLogin(await browser.GetStringAsync("/admin/login", Cancel));

        var response = await browser.PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["email"] = email, ["password"] = password, ["returnUrl"] = "//evil.example/",
        }), Cancel);

        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await _app.NewBrowser().GetAsync("/", Cancel);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    private static string RenderedLogin(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
