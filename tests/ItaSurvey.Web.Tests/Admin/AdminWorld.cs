using System.Security.Claims;
using AngleSharp.Html.Parser;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Rounds;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Admin;

/// <summary>
/// Two agencies with a round each: ours (เทศบาลตำบลคลองวาฬ) and another one whose name and
/// codes must never show to our users.
/// </summary>
public sealed class AdminWorld : IAsyncLifetime
{
    public const string OtherName = "องค์การบริหารส่วนตำบลหนองแก";

    public SurveyApp App { get; } = new();

    public TestRound Ours { get; private set; } = null!;

    public int OurAgencyId { get; private set; }

    public AssessmentRound Other { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Ours = await App.CreateRoundAsync(IitMode.SingleUseCodes);
        OurAgencyId = await AgencyOfAsync(Ours.Id);
        var admin = App.Services.GetRequiredService<RoundAdmin>();
        var other = await admin.CreateAgencyAsync(new Agency
        {
            NameTh = OtherName, Province = "ขอนแก่น", AgencyGroup = "sao-m", StaffHeadcount = 45,
        });
        Other = await admin.CreateRoundAsync(other.Id, 2566, new DateOnly(2023, 4, 1), new DateOnly(2023, 6, 30), IitMode.SingleUseCodes);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    /// <summary>A browser signed in as a new user of the role, assigned to our agency (unless a system administrator).</summary>
    public async Task<HttpClient> BrowserAsync(string role)
    {
        var (email, password) = await App.CreateUserAsync(role, role == Roles.SystemAdmin ? [] : [OurAgencyId]);
        return await SignedInAsync(email, password);
    }

    /// <summary>
    /// Signs in through the real login form over https: outside Development the cookie is Secure,
    /// so a browser on plain http would never send it back.
    /// </summary>
    public async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost/"), AllowAutoRedirect = false, HandleCookies = true,
        });
        var login = await browser.GetStringAsync("/admin/login", TestContext.Current.CancellationToken);
        var token = new HtmlParser().ParseDocument(login).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await browser.PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["email"] = email, ["password"] = password, ["returnUrl"] = "/admin",
        }), TestContext.Current.CancellationToken);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        return browser;
    }

    /// <summary>A signed-in principal as the app builds it: user id, e-mail and role claims.</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string role, params int[] agencyIds)
    {
        var (email, _) = await App.CreateUserAsync(role, agencyIds);
        using var scope = App.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user!.Id), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)], "test"));
    }

    /// <summary>Runs a scoped admin service as a request or circuit would.</summary>
    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> use) where TService : notnull
    {
        using var scope = App.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<int> AgencyOfAsync(int roundId)
    {
        var factory = App.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.ItaDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return db.Rounds.Single(r => r.Id == roundId).AgencyId;
    }
}
