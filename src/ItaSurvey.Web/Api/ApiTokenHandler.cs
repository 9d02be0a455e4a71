using System.Security.Claims;
using System.Text.Encodings.Web;
using ItaSurvey.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Api;

/// <summary>
/// Authenticates "Authorization: Bearer itas_…" as the token's owner, with the owner's roles, so
/// that the token is scoped exactly like its owner. Revoked tokens and locked-out owners fail.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The claim that names the token a request came with.</summary>
    public const string TokenIdClaim = "itas:token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = await tokens.FindAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail(InvalidToken);
        }
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail(LockedOut);
        }
        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, principal.Identities.First().NameClaimType, principal.Identities.First().RoleClaimType);
        identity.AddClaim(new Claim(TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiProblems.Problem(StatusCodes.Status401Unauthorized, failure switch
        {
            InvalidToken => new("โทเคน API ไม่ถูกต้องหรือถูกเพิกถอนแล้ว", InvalidToken),
            LockedOut => new("บัญชีเจ้าของโทเคน API นี้ถูกล็อก", LockedOut),
            _ => new("ส่งโทเคน API ส่วนตัวในส่วนหัว 'Authorization: Bearer itas_…' (สร้างได้ที่หน้า “โทเคน API” หรือด้วยคำสั่ง create-token) หรือเข้าสู่ระบบ",
                "Send a personal API token as 'Authorization: Bearer itas_…' (create one with the create-token command), or sign in."),
        }).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await ApiProblems.Problem(StatusCodes.Status403Forbidden,
            new("บัญชีของท่านไม่มีบทบาทที่ใช้ API ได้", "Your account has no role that may use the API.")).ExecuteAsync(Context);

    private const string InvalidToken = "The API token is not valid or has been revoked.";

    private const string LockedOut = "The owner of this API token is locked out.";
}
