using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Statistics;

/// <summary>Cronbach's alpha of a set of items: k/(k−1) · (1 − Σ item variances / variance of totals).</summary>
/// <param name="Items">The item codes.</param>
/// <param name="Respondents">How many respondents answered every item.</param>
/// <param name="Alpha">The coefficient; null when it cannot be computed (see <paramref name="Reason"/>).</param>
/// <param name="AlphaIfItemDeleted">Alpha of the other items when each item is left out, in item order; null where fewer than two items would remain.</param>
/// <param name="Reason">Why alpha was not computed, in Thai and English; null when it was.</param>
public sealed record CronbachAlpha(
    IReadOnlyList<string> Items,
    long Respondents,
    double? Alpha,
    IReadOnlyList<double?> AlphaIfItemDeleted,
    LocalizedText? Reason)
{
    internal static readonly LocalizedText TooFewItems = new(
        "ตัวชี้วัดนี้มีข้อคำถามให้ตอบน้อยกว่า 2 ข้อ จึงคำนวณค่าความสอดคล้องภายในไม่ได้",
        "The indicator has fewer than 2 answer items, so internal consistency cannot be computed.");

    internal static readonly LocalizedText TooFewRespondents = new(
        "มีผู้ตอบครบทุกข้อน้อยกว่า 2 คน จึงคำนวณค่าความสอดคล้องภายในไม่ได้",
        "Fewer than 2 respondents answered every item, so internal consistency cannot be computed.");

    internal static readonly LocalizedText NoSpread = new(
        "ผู้ตอบทุกคนได้คะแนนรวมเท่ากัน จึงคำนวณค่าความสอดคล้องภายในไม่ได้",
        "Every respondent has the same total, so internal consistency cannot be computed.");

    internal static CronbachAlpha NotComputed(IReadOnlyList<string> items, long respondents, LocalizedText reason) =>
        new(items, respondents, null, new double?[items.Count], reason);
}
