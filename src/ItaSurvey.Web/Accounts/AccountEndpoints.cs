using ItaSurvey.Web.Auditing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace ItaSurvey.Web.Accounts;

/// <summary>Sign-in and sign-out: plain form posts from the static login page and the admin menu.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/account/login", LoginAsync);
        app.MapPost("/admin/account/logout", LogoutAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> LoginAsync([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<AppUser> signIn, DecoyPasswords decoy, IPasswordHasher<AppUser> hasher, AuditLog audit, HttpContext http)
    {
        var back = IsLocal(returnUrl) ? returnUrl! : "/admin";
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 256 || password.Length > 256)
        {
            return Results.Redirect("/admin/login?error=missing&returnUrl=" + Uri.EscapeDataString(back));
        }
        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        var lockedBefore = user is not null && await signIn.UserManager.IsLockedOutAsync(user); // read from the loaded user
        var result = user is null
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (user is null || lockedBefore)
        {
            // Identity checks no password for an unknown or locked account; hash one anyway so
            // that every answer costs the same time and timing tells no account apart.
            decoy.Burn(hasher, password);
        }
        if (result.Succeeded)
        {
            var principal = await signIn.CreateUserPrincipalAsync(user!);
            await audit.RecordAsync(principal, "account.login", null, null, http.RequestAborted);
            return Results.Redirect(back);
        }
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(null, "account.lockout", null, email.Trim(), http.RequestAborted);
        }
        // One answer for a wrong password, an unknown address and a locked account: "locked"
        // only for accounts that exist would tell which addresses have one. The page says both.
        return Results.Redirect("/admin/login?error=failed&returnUrl=" + Uri.EscapeDataString(back));
    }

    private static async Task<IResult> LogoutAsync(SignInManager<AppUser> signIn, IAntiforgery antiforgery, HttpContext http)
    {
        // The endpoint binds no form, so antiforgery is checked here: another site must not be
        // able to sign an administrator out.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }
        await signIn.SignOutAsync();
        return Results.Redirect("/admin/login?signedOut=1");
    }

    // Only paths on this site: "//evil.example" and "/\evil" are not local.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
