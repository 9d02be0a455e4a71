using System.Security.Claims;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Rounds;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests;

/// <summary>
/// Two agencies: ours (เทศบาลตำบลคลองวาฬ) with a 2566 round of the given IIT mode, and another one
/// in another province, with a round of the same mode unless <paramref name="otherHasRound"/> is
/// off, whose name, codes and figures must never show to our users. Each feature's world adds its
/// own helpers.
/// </summary>
public abstract class TwoAgencyWorld(IitMode mode, bool otherHasRound = true) : IAsyncLifetime
{
    public const string OurName = "เทศบาลตำบลคลองวาฬ";
    public const string OtherName = "องค์การบริหารส่วนตำบลหนองแก";

    public SurveyApp App { get; } = new();

    public TestRound Ours { get; private set; } = null!;

    public int OurAgencyId => Ours.AgencyId;

    public int OtherAgencyId { get; private set; }

    /// <summary>The other agency's round (none when the world was made without one).</summary>
    public AssessmentRound Other { get; private set; } = null!;

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public IDbContextFactory<ItaDbContext> Databases => App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>();

    public async ValueTask InitializeAsync()
    {
        Ours = await App.CreateRoundAsync(mode, agencyName: OurName);
        var admin = App.Services.GetRequiredService<RoundAdmin>();
        var other = await admin.CreateAgencyAsync(new Agency
        {
            NameTh = OtherName, Province = "ขอนแก่น", AgencyGroup = "sao-m", StaffHeadcount = 45,
        });
        OtherAgencyId = other.Id;
        if (otherHasRound)
        {
            Other = await admin.CreateRoundAsync(other.Id, 2566, new DateOnly(2023, 4, 1), new DateOnly(2023, 6, 30), mode);
        }
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    /// <summary>A browser signed in as a new user of the role, assigned to our agency (unless a system administrator).</summary>
    public async Task<HttpClient> BrowserAsync(string role = Roles.Viewer)
    {
        var (email, password) = await App.CreateUserAsync(role, role == Roles.SystemAdmin ? [] : [OurAgencyId]);
        return await App.SignedInBrowserAsync(email, password);
    }

    /// <summary>A browser signed in as a new administrator of the other agency.</summary>
    public async Task<HttpClient> TheirBrowserAsync()
    {
        var (email, password) = await App.CreateUserAsync(Roles.AgencyAdmin, OtherAgencyId);
        return await App.SignedInBrowserAsync(email, password);
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

    /// <summary>Runs a scoped service as a request or circuit would.</summary>
    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> use) where TService : notnull
    {
        using var scope = App.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
