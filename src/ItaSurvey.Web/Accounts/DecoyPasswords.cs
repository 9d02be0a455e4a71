using Microsoft.AspNetCore.Identity;

namespace ItaSurvey.Web.Accounts;

/// <summary>
/// A password hash that belongs to nobody, checked where Identity checks none (an unknown
/// e-mail, a locked account) so that a failed sign-in takes as long whatever the reason.
/// </summary>
public sealed class DecoyPasswords
{
    private static readonly AppUser Nobody = new() { UserName = "decoy" };

    private readonly Lazy<string> _secret = new(() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)));

    private string? _hash;

    /// <summary>
    /// Verifies the password against the decoy hash with the request's hasher (Identity's is
    /// scoped); the answer is always "no". The hash is made once, by the same hasher and settings
    /// as real accounts' hashes, so checking it costs what theirs cost.
    /// </summary>
    public void Burn(IPasswordHasher<AppUser> hasher, string password)
    {
        var hash = _hash ??= hasher.HashPassword(Nobody, _secret.Value);
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
