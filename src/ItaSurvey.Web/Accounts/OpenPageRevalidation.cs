using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Accounts;

/// <summary>
/// The interactive admin pages keep the principal their live connection opened with; the cookie
/// is checked on every request, but a page that is already open makes none. This checks the
/// page's user against the database every <see cref="AccountsOptions.RevalidationInterval"/>, as
/// the cookie does, and signs the page out (it shows the login page) once the security stamp
/// changed, the user is locked out or removed.
/// </summary>
public sealed class OpenPageRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<AccountsOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User);

    /// <summary>True while the user exists, is not locked out and has the security stamp the principal was signed in with.</summary>
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        return await signIn.ValidateSecurityStampAsync(principal) is { } user && !await signIn.UserManager.IsLockedOutAsync(user);
    }
}
