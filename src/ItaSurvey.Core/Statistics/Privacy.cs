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

    /// <summary>
    /// How many of an instrument's responses (oldest first) the figures may include. Two views of
    /// the same figures taken one response apart would give away that one response, so while the
    /// round is open the figures move in whole blocks of k and stay one block behind the newest
    /// responses: any two views, and the last open view and the final one, differ by at least k
    /// responses. Once the round has closed, every response counts, as the ITA's scoring requires.
    /// </summary>
    /// <param name="responses">Responses received.</param>
    /// <param name="roundOpen">True while the round still accepts responses.</param>
    /// <param name="k">The fewest responses a figure may be built from (at least 1).</param>
    public static long Released(long responses, bool roundOpen, int k = DefaultMinimumResponses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(responses);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return roundOpen ? Math.Max(0, ((responses / k) - 1) * k) : responses;
    }

    /// <summary>
    /// Why an instrument's figures include fewer responses than were received while the round is
    /// open, in Thai and English.
    /// </summary>
    /// <param name="released">Responses the figures include.</param>
    /// <param name="responses">Responses received.</param>
    /// <param name="k">The block size.</param>
    public static LocalizedText HeldBackMessage(long released, long responses, int k = DefaultMinimumResponses)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var (shown, all, block) = (released.ToString(CultureInfo.InvariantCulture), responses.ToString(CultureInfo.InvariantCulture), k.ToString(CultureInfo.InvariantCulture));
        var twice = (2 * k).ToString(CultureInfo.InvariantCulture);
        return released == 0
            ? new LocalizedText(
                $"ระหว่างเปิดรับคำตอบ คะแนนจะแสดงเมื่อมีคำตอบครบ {twice} คำตอบ และปรับทุก {block} คำตอบ เพื่อไม่ให้เปรียบเทียบคะแนนก่อน-หลังแล้วรู้คำตอบของผู้ตอบรายคน เมื่อปิดรับคำตอบจะคำนวณจากทุกคำตอบ",
                $"While the round is open, scores appear once {twice} responses are in and move every {block} responses, so that comparing two views cannot reveal one person's answers. After closing, every response counts.")
            : new LocalizedText(
                $"คำนวณจาก {shown} คำตอบ (จากทั้งหมด {all}): ระหว่างเปิดรับคำตอบ คะแนนปรับทุก {block} คำตอบและช้ากว่าคำตอบล่าสุดหนึ่งชุด เพื่อไม่ให้เปรียบเทียบคะแนนก่อน-หลังแล้วรู้คำตอบของผู้ตอบรายคน เมื่อปิดรับคำตอบจะคำนวณจากทุกคำตอบ",
                $"Computed from {shown} of {all} responses: while the round is open, scores move in blocks of {block}, one block behind, so that comparing two views cannot reveal one person's answers. After closing, every response counts.");
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
