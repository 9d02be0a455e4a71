using ItaSurvey.Web.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace ItaSurvey.Web.Accounts;

/// <summary>Sign-in and sign-out: plain form posts from the static login page and the admin menu.</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/account/login", LoginAsync);
        app.MapPost("/admin/account/logout", LogoutAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> LoginAsync([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<AppUser> signIn, AuditLog audit, HttpContext http)
    {
        var back = IsLocal(returnUrl) ? returnUrl! : "/admin";
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 256 || password.Length > 256)
        {
            return Results.Redirect("/admin/login?error=missing&returnUrl=" + Uri.EscapeDataString(back));
        }
        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        var result = user is null
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
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
        return Results.Redirect($"/admin/login?error={(result.IsLockedOut ? "locked" : "failed")}&returnUrl={Uri.EscapeDataString(back)}");
    }

    private static async Task<IResult> LogoutAsync(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.Redirect("/admin/login?signedOut=1");
    }

    // Only paths on this site: "//evil.example" and "/\evil" are not local.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
