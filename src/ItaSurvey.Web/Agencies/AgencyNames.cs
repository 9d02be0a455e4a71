using System.Text.RegularExpressions;

namespace ItaSurvey.Web.Agencies;

/// <summary>How agency names and provinces are compared to find the same agency typed again.</summary>
public static partial class AgencyNames
{
    /// <summary>
    /// Trimmed, with every run of white space (including no-break and zero-width spaces, which
    /// Thai text copied from documents often carries) made one ordinary space.
    /// </summary>
    public static string Normalize(string? text) => Spaces().Replace(text ?? "", " ").Trim();

    /// <summary>True when two names (or provinces) are the same once normalised.</summary>
    public static bool Same(string? a, string? b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    [GeneratedRegex(@"[\s\u200B\uFEFF]+")]
    private static partial Regex Spaces();
}
