using System.Security.Claims;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Forms;

namespace ItaSurvey.Web.Api;

/// <summary>The signed-in user's own API tokens, each change recorded in the audit log (never the secret).</summary>
public sealed class PersonalTokens(ApiTokens tokens, AuditLog audit)
{
    public async Task<IReadOnlyList<ApiToken>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        UserId(user) is { } id ? await tokens.ListAsync(id, cancellationToken) : [];

    /// <summary>Creates a token and returns its secret, which is shown once and never stored.</summary>
    public async Task<Outcome<string>> CreateAsync(ClaimsPrincipal user, string? name, CancellationToken cancellationToken = default)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Outcome<string>.Failed(FormErrors.Of("Name", "กรุณาตั้งชื่อโทเคน เช่น ชื่อระบบที่จะใช้"));
        }
        if (trimmed.Length > 100)
        {
            return Outcome<string>.Failed(FormErrors.Of("Name", "ชื่อโทเคนยาวได้ไม่เกิน 100 ตัวอักษร"));
        }
        if (UserId(user) is not { } id)
        {
            return Outcome<string>.Denied();
        }
        var (token, secret) = await tokens.CreateAsync(id, trimmed, cancellationToken);
        await audit.RecordAsync(user, "token.create", null, $"token {token.Id} '{token.Name}' ({token.Prefix}…)", cancellationToken);
        return Outcome<string>.Done(secret);
    }

    public async Task<bool> RevokeAsync(ClaimsPrincipal user, int tokenId, CancellationToken cancellationToken = default)
    {
        if (UserId(user) is not { } id || !await tokens.RevokeAsync(id, tokenId, cancellationToken))
        {
            return false;
        }
        await audit.RecordAsync(user, "token.revoke", null, $"token {tokenId}", cancellationToken);
        return true;
    }

    private static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
