using System.Globalization;
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

    private readonly IDataProtector _protector = provider.CreateProtector("ItaSurvey.SubmissionKey.v1");

    // The issue time travels inside the protected payload and is checked against the app's
    // TimeProvider (the time-limited protector would read the system clock instead).
    public string Issue(string linkCode) =>
        _protector.Protect($"{linkCode}|{Guid.NewGuid():N}|{clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary>
    /// The random key inside a token issued for this link and how long ago the form was shown, or
    /// null when it is forged, altered, expired or for another link. The age is used at once for
    /// the too-fast class and never kept.
    /// </summary>
    public SubmissionTicket? Read(string? token, string linkCode)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return null;
        }
        string[] parts;
        try
        {
            parts = _protector.Unprotect(token).Split('|');
        }
        catch (CryptographicException)
        {
            return null;
        }
        if (parts.Length != 3 || parts[0] != linkCode
            || !Guid.TryParseExact(parts[1], "N", out var key)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return null;
        }
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        return age >= TimeSpan.Zero - TimeSpan.FromMinutes(5) && age <= Lifetime ? new SubmissionTicket(key, age) : null;
    }
}

/// <summary>A valid submission key: its random part and the form's age at submission.</summary>
public readonly record struct SubmissionTicket(Guid Key, TimeSpan Age);
