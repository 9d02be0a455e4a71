using Microsoft.AspNetCore.Identity;

namespace ItaSurvey.Web.Accounts;

/// <summary>
/// A password hash that belongs to nobody, checked where Identity checks none (an unknown
/// e-mail, a locked account) so that a failed sign-in takes as long whatever the reason.
/// </summary>
public sealed class DecoyPasswords
{
    private static readonly AppUser Nobody = new() { UserName = "decoy" };

    private readonly IPasswordHasher<AppUser> _hasher;

    private readonly string _hash;

    public DecoyPasswords(IPasswordHasher<AppUser> hasher)
    {
        _hasher = hasher;
        // Made with the same hasher and settings as real accounts, so it costs what theirs cost.
        _hash = hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)));
    }

    /// <summary>Verifies the password against the decoy hash; the answer is always "no".</summary>
    public void Burn(string password) => _hasher.VerifyHashedPassword(Nobody, _hash, password);
}
