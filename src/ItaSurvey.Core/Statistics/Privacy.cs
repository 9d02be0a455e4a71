using System.Globalization;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Statistics;

/// <summary>
/// The k-anonymity rule of the dashboards: any figure built from fewer than k responses is
/// withheld, so that nobody can be singled out (IIT respondents answer about their own superiors).
/// The rule applies to every breakdown: a question, an indicator, a group, a filter's result.
/// </summary>
public static class Privacy
{
    /// <summary>The default k: a breakdown needs at least 5 responses to be shown.</summary>
    public const int DefaultMinimumResponses = 5;

    /// <summary>True when a figure built from <paramref name="responses"/> responses must not be shown.</summary>
    /// <param name="responses">How many responses the figure is built from.</param>
    /// <param name="k">The fewest responses a figure may be built from (at least 1).</param>
    public static bool Withhold(long responses, int k = DefaultMinimumResponses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(responses);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return responses < k;
    }

    /// <summary>The message shown in place of a withheld figure, in Thai and English.</summary>
    public static LocalizedText Message(int k = DefaultMinimumResponses)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var count = k.ToString(CultureInfo.InvariantCulture);
        return new LocalizedText(
            $"ข้อมูลน้อยกว่า {count} คำตอบ จึงไม่แสดงเพื่อรักษาความลับของผู้ตอบ",
            $"Fewer than {count} responses, so this is not shown to protect respondents' confidentiality.");
    }

    /// <summary>Wraps a figure: shown as is, or withheld with the message.</summary>
    /// <param name="value">The figure (a score, an estimate, a distribution).</param>
    /// <param name="responses">How many responses it is built from.</param>
    /// <param name="k">The fewest responses a figure may be built from.</param>
    public static Disclosure<T> Disclose<T>(T value, long responses, int k = DefaultMinimumResponses) =>
        Withhold(responses, k)
            ? new Disclosure<T>(default, responses, Message(k))
            : new Disclosure<T>(value, responses, null);
}

/// <summary>A figure that the privacy rule let through, or withheld.</summary>
/// <param name="Value">The figure; default when withheld.</param>
/// <param name="Responses">How many responses the figure is built from.</param>
/// <param name="WithheldMessage">Why it is not shown, in Thai and English; null when it is shown.</param>
public sealed record Disclosure<T>(T? Value, long Responses, LocalizedText? WithheldMessage)
{
    /// <summary>True when the figure must not be shown.</summary>
    public bool Withheld => WithheldMessage is not null;
}
