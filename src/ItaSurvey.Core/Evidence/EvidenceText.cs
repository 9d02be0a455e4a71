using System.Text;

namespace ItaSurvey.Core.Evidence;

/// <summary>
/// Text evened out for searching: Thai digits (๐–๙) become 0–9, letters lower case, and every
/// kind of space removed (Thai writes words without spaces, and pages break phrases at random
/// with spaces, non-breaking spaces and zero-width spaces).
/// </summary>
public static class EvidenceText
{
    /// <summary>The compact form used to look for expected words: no spaces, Arabic digits, lower case.</summary>
    public static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                continue;
            }
            builder.Append(Fold(c));
        }
        return builder.ToString();
    }

    /// <summary>The text with Thai digits as Arabic ones and every run of spaces as one space (for finding years).</summary>
    public static string WithArabicDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                space = true;
                continue;
            }
            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }
            space = false;
            builder.Append(Fold(c));
        }
        return builder.ToString();
    }

    /// <summary>True when <paramref name="compactText"/> (from <see cref="Compact"/>) contains the word, spaces ignored.</summary>
    public static bool Mentions(string compactText, string word)
    {
        var needle = Compact(word);
        return needle.Length > 0 && compactText.Contains(needle, StringComparison.Ordinal);
    }

    private static char Fold(char c) => c is >= '\u0E50' and <= '\u0E59' ? (char)('0' + (c - '\u0E50')) : char.ToLowerInvariant(c);

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';
}
