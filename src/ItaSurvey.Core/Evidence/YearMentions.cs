using System.Text.RegularExpressions;

namespace ItaSurvey.Core.Evidence;

/// <summary>
/// The fiscal years a text names, as Buddhist Era years. A Thai fiscal year runs from October to
/// September: fiscal year 2566 is October 2022 to September 2023, so it is named by 2566 (or
/// ๒๕๖๖), by the Common Era years 2022 and 2023, and by short forms after a year word
/// ("ปี 66", "พ.ศ. ๖๖", "ปีงบประมาณ 66"). A number inside a longer run of digits (a telephone
/// number, an amount) is not a year.
/// </summary>
public static partial class YearMentions
{
    /// <summary>Buddhist Era years are the Common Era year plus this.</summary>
    public const int BuddhistEraOffset = 543;

    /// <summary>
    /// Every year the text names, in the Buddhist Era. A four-digit Common Era year 1950–2150
    /// counts as both fiscal years it falls in (2023 is in 2566 and 2567), so it never makes a
    /// document look older than it is.
    /// </summary>
    public static IReadOnlySet<int> Find(string text)
    {
        var years = new HashSet<int>();
        var digits = EvidenceText.WithArabicDigits(text);
        foreach (Match match in FourDigits().Matches(digits))
        {
            var value = int.Parse(match.Value, System.Globalization.CultureInfo.InvariantCulture);
            if (value is >= 2450 and <= 2700)
            {
                years.Add(value);
            }
            else if (value is >= 1950 and <= 2150)
            {
                years.Add(value + BuddhistEraOffset);
                years.Add(value + BuddhistEraOffset + 1);
            }
        }
        foreach (Match match in ShortYear().Matches(digits))
        {
            // Two digits stand for 2540–2599: "ปี 12 เดือน" and the like are not years.
            var value = int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (value >= 40)
            {
                years.Add(2500 + value);
            }
        }
        return years;
    }

    /// <summary>Whether the text names <paramref name="fiscalYear"/>, and the older years it names.</summary>
    public static (bool Named, IReadOnlyList<int> Older, IReadOnlyList<int> Later) For(string text, int fiscalYear)
    {
        var years = Find(text);
        return (years.Contains(fiscalYear),
            years.Where(y => y < fiscalYear).Order().ToList(),
            years.Where(y => y > fiscalYear).Order().ToList());
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigits();

    // "ปีงบประมาณ 66", "ปีงบ 66", "ปี 66", "พ.ศ. 66", "พ.ศ.66", "ปีการศึกษา 66" (not "ปี 1966": four digits are read above).
    [GeneratedRegex(@"(?:ปีงบประมาณ|ปีงบฯ?|ปีการศึกษา|ปี|พ\.\s?ศ\.?)\s?(?:พ\.\s?ศ\.?\s?)?(?<year>[0-9]{2})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex ShortYear();
}
