using ItaSurvey.Core.Evidence;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Web.Agencies;

/// <summary>
/// The agency's own web domains as the form and the API take them: each entry evened out
/// (<see cref="AgencySite.Normalize"/>: lower case, no scheme, path, port or "www."), duplicates
/// dropped, and one problem in Thai and English when an entry is not a domain or there are too many.
/// </summary>
public static class AgencyDomains
{
    public const int Max = 10;

    /// <summary>What the database column holds: the domains separated by spaces.</summary>
    public const int MaxStoredLength = 1000;

    private static readonly char[] Separators = [' ', ',', '\n', '\r', '\t'];

    /// <summary>The entries, each split at spaces, commas and new lines, evened out; and the ones that are not domains.</summary>
    public static (IReadOnlyList<string> Domains, IReadOnlyList<string> Invalid) Parse(IEnumerable<string?> entries)
    {
        var typed = entries.SelectMany(e => (e ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries)).ToList();
        var invalid = typed.Where(d => AgencySite.Normalize(d).Length == 0).ToList();
        return (typed.Select(AgencySite.Normalize).Where(d => d.Length > 0).Distinct().ToList(), invalid);
    }

    /// <summary>Why these domains cannot be stored, or null when they can.</summary>
    public static LocalizedText? Problem(IReadOnlyList<string> domains, IReadOnlyList<string> invalid)
    {
        if (invalid.Count > 0)
        {
            return new($"ไม่ใช่ชื่อโดเมน: {string.Join(", ", invalid.Take(3))} (ตัวอย่างที่ถูกต้อง: khlongwan.go.th)",
                $"Not a domain name: {string.Join(", ", invalid.Take(3))} (for example khlongwan.go.th).");
        }
        if (domains.Count > Max)
        {
            return new($"ระบุโดเมนได้ไม่เกิน {Max} โดเมน", $"At most {Max} domains, not {domains.Count}.");
        }
        return Stored(domains)?.Length > MaxStoredLength
            ? new($"ชื่อโดเมนรวมกันยาวได้ไม่เกิน {MaxStoredLength:N0} ตัวอักษร", $"The domains together must be at most {MaxStoredLength:N0} characters.")
            : null;
    }

    /// <summary>The domains as stored on the agency, or null for none.</summary>
    public static string? Stored(IReadOnlyList<string> domains) => domains.Count == 0 ? null : string.Join(' ', domains);
}
