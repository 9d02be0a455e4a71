using System.Net;
using ItaSurvey.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task Five_wrong_passwords_lock_the_account_yet_the_answer_is_the_one_an_unknown_address_gets()
    {
        var (email, password) = await _app.CreateUserAsync(Roles.AgencyAdmin);
        var existing = new List<string?>();
        var unknown = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            existing.Add(await FailedLoginAsync(email, "wrong-password-1"));
            unknown.Add(await FailedLoginAsync($"nobody-{i}@example.test", "wrong-password-1"));
        }

        Assert.All(existing.Concat(unknown), location => Assert.StartsWith("/admin/login?error=failed", location, StringComparison.Ordinal));
        Assert.Equal(existing, unknown);
        // Locked indeed: the right password is refused, with the same answer.
        Assert.StartsWith("/admin/login?error=failed", await FailedLoginAsync(email, password), StringComparison.Ordinal);
        var html = await _app.NewBrowser().GetStringAsync(existing[^1], Cancel);
        Assert.Contains("อีเมลหรือรหัสผ่านไม่ถูกต้อง หรือบัญชีถูกล็อกชั่วคราว 15 นาที", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_failed_sign_in_hashes_a_password_so_its_time_tells_no_account_apart()
    {
        var counting = new CountingHasher();
        await using var app = new SurveyApp { TestServices = s => s.AddSingleton<IPasswordHasher<AppUser>>(counting) };
        var (email, _) = await app.CreateUserAsync(Roles.Viewer);
        var browser = app.NewBrowser();

        var calls = new List<int>();
        foreach (var address in new[] { email, "nobody@example.test", email, email, email, email, email, "nobody@example.test" })
        {
            var token = RenderedLogin(await browser.GetStringAsync("/admin/login", Cancel));
            var before = counting.Verifications;
            await browser.PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["email"] = address, ["password"] = "wrong-password-1",
            }), Cancel);
            calls.Add(counting.Verifications - before);
        }

        // Unknown address, wrong password, locked account (the 6th and 7th for the user): one hash each.
        Assert.All(calls, c => Assert.Equal(1, c));
    }

    private async Task<string?> FailedLoginAsync(string email, string password)
    {
        var browser = _app.NewBrowser();
        var token = RenderedLogin(await browser.GetStringAsync("/admin/login", Cancel));
        var response = await browser.PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["email"] = email, ["password"] = password,
        }), Cancel);
        return response.Headers.Location?.OriginalString;
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token_so_another_site_cannot_sign_an_administrator_out()
    {
        var (email, password) = await _app.CreateUserAsync(Roles.SystemAdmin);
        var browser = await _app.SignedInBrowserAsync(email, password);

        var forged = await browser.PostAsync("/admin/account/logout", new FormUrlEncodedContent([]), Cancel);
        var stillIn = await browser.GetAsync("/admin/audit", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        var token = RenderedLogin(await browser.GetStringAsync("/admin/audit", Cancel));
        var real = await browser.PostAsync("/admin/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }), Cancel);
        Assert.Equal("/admin/login?signedOut=1", real.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Locking_a_user_ends_their_cookie_session_at_once_for_pages_and_the_API()
    {
        var (adminEmail, adminPassword) = await _app.CreateUserAsync(Roles.SystemAdmin);
        var (email, password) = await _app.CreateUserAsync(Roles.SystemAdmin);
        var browser = await _app.SignedInBrowserAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/agencies", Cancel)).StatusCode);

        await LockAsync(adminEmail, email);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/agencies", Cancel)).StatusCode);
        var page = await browser.GetAsync("/admin/audit", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/admin/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_user_s_cookie_no_longer_reads_the_API()
    {
        var (email, password) = await _app.CreateUserAsync(Roles.SystemAdmin);
        var browser = await _app.SignedInBrowserAsync(email, password);
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByEmailAsync(email))!)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/agencies", Cancel)).StatusCode);
    }

    private async Task LockAsync(string adminEmail, string email)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>()
            .CreateUserPrincipalAsync((await users.FindByEmailAsync(adminEmail))!);
        var target = (await users.FindByEmailAsync(email))!;
        var outcome = await scope.ServiceProvider.GetRequiredService<UserDirectory>().SetLockedAsync(admin, target.Id, locked: true, Cancel);
        Assert.True(outcome.Succeeded);
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

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();

        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static string RenderedLogin(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
