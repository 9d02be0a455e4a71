using System.Security.Cryptography;

namespace ItaSurvey.Web.Responding;

/// <summary>
/// Random codes from an alphabet without look-alikes (no 0/O, 1/I/L), easy to read off a poster
/// or type from a slip. Public links use 6 characters like the NACC's; single-use codes use 10
/// (31^10 ≈ 8×10^14 possibilities), which makes guessing one hopeless under rate limiting.
/// </summary>
public static class ShortCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int PublicLinkLength = 6;

    public const int AccessCodeLength = 10;

    public static string New(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>Upper-cases and strips spaces and dashes so "abc-123 def" reads as typed on a slip.</summary>
    public static string Normalize(string? typed) =>
        new((typed ?? "").Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());

    public static bool IsWellFormed(string code, int length) =>
        code.Length == length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
