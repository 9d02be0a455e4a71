using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ItaSurvey.Web.Responding;

/// <summary>
/// The key every form render carries. It is signed and encrypted with the app's data-protection
/// keys and bound to one public link, so a key cannot be made up or moved to another survey;
/// the random part is stored with the response under a unique index, so a key stores once.
/// </summary>
public sealed class SubmissionKeys(IDataProtectionProvider provider, TimeProvider clock)
{
    /// <summary>How long a rendered form stays valid. A form older than this is shown again with its answers.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("ItaSurvey.SubmissionKey.v1").ToTimeLimitedDataProtector();

    public string Issue(string linkCode) =>
        _protector.Protect($"{linkCode}|{Guid.NewGuid():N}", clock.GetUtcNow() + Lifetime);

    /// <summary>The random key inside a token issued for this link, or null when it is forged, altered, expired or for another link.</summary>
    public Guid? Read(string? token, string linkCode)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return null;
        }
        try
        {
            var parts = _protector.Unprotect(token, out var expiration).Split('|');
            return parts.Length == 2 && parts[0] == linkCode && expiration > clock.GetUtcNow() && Guid.TryParseExact(parts[1], "N", out var key)
                ? key
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
