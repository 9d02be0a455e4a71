using System.Security.Claims;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Tests.Admin;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Accounts;

/// <summary>
/// An open admin page keeps the principal of its live connection: the revalidating provider
/// checks it against the database, so a locked, changed or removed user is signed out of it.
/// </summary>
public sealed class OpenPageRevalidationTests : IAsyncLifetime
{
    private readonly AdminWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Changes => ["lock", "role", "agencies", "remove"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_user_who_is_locked_changed_or_removed_no_longer_validates_on_an_open_page(string change)
    {
        var (userId, principal) = await SignedInAsync(Roles.AgencyAdmin);
        using var scope = _world.App.Services.CreateScope();
        var provider = Assert.IsType<OpenPageRevalidation>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        Assert.True(await provider.IsStillValidAsync(principal));

        await ChangeAsync(userId, change);

        Assert.False(await provider.IsStillValidAsync(principal));
    }

    [Fact]
    public async Task Another_users_change_leaves_the_page_signed_in()
    {
        var (_, principal) = await SignedInAsync(Roles.Viewer);
        var (otherId, _) = await SignedInAsync(Roles.Viewer);
        using var scope = _world.App.Services.CreateScope();
        var provider = (OpenPageRevalidation)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        await ChangeAsync(otherId, "lock");

        Assert.True(await provider.IsStillValidAsync(principal));
    }

    [Fact]
    public async Task An_open_page_is_signed_out_within_the_configured_interval_of_its_user_being_locked()
    {
        var app = _world.App.WithWebHostBuilder(b => b.UseSetting("Accounts:RevalidationInterval", "00:00:01"));
        var (userId, principal) = await SignedInAsync(Roles.AgencyAdmin);
        using var circuit = app.Services.CreateScope(); // what a live connection holds
        var provider = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var signedOut = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state =>
        {
            if ((await state).User is { Identity.IsAuthenticated: false } anonymous)
            {
                signedOut.TrySetResult(anonymous);
            }
        };
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));

        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancel);
        Assert.False(signedOut.Task.IsCompleted); // still valid: nothing changes
        var lockedAt = DateTime.UtcNow;
        await ChangeAsync(userId, "lock");
        var user = await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(15), Cancel);

        Assert.False(user.Identity?.IsAuthenticated);
        Assert.True(DateTime.UtcNow - lockedAt < TimeSpan.FromSeconds(10), $"signed out after {DateTime.UtcNow - lockedAt}");
    }

    [Fact]
    public void Open_pages_check_every_30_seconds_unless_configured()
    {
        var options = _world.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccountsOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(30), options.RevalidationInterval);
    }

    /// <summary>A user of the role assigned to our agency, and the principal their sign-in made (with its security stamp).</summary>
    private async Task<(string UserId, ClaimsPrincipal Principal)> SignedInAsync(string role)
    {
        var (email, _) = await _world.App.CreateUserAsync(role, _world.OurAgencyId);
        using var scope = _world.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        return (user.Id, principal);
    }

    private async Task ChangeAsync(string userId, string change)
    {
        var admin = await _world.PrincipalAsync(Roles.SystemAdmin);
        using var scope = _world.App.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
        switch (change)
        {
            case "lock":
                Assert.True((await directory.SetLockedAsync(admin, userId, true, Cancel)).Succeeded);
                break;
            case "role":
            case "agencies":
                var form = new UserForm
                {
                    Role = change == "role" ? Roles.Viewer : Roles.AgencyAdmin,
                    AgencyIds = change == "role" ? [_world.OurAgencyId] : [_world.OurAgencyId, _world.Other.AgencyId],
                };
                var outcome = await directory.UpdateAsync(admin, userId, form, Cancel);
                Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Fields.Select(f => outcome.Errors[f])));
                break;
            default:
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                Assert.True((await users.DeleteAsync((await users.FindByIdAsync(userId))!)).Succeeded);
                break;
        }
    }
}
