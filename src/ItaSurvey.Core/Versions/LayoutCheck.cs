using System.Globalization;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Versions;

/// <summary>
/// Whether a round collected under one version of a fiscal year may be re-pinned to another: only
/// when the new version keeps the old one's answer layout (see <see cref="AnswerLayout"/>) for
/// every instrument. Points, weights, ratings, wording and indicators may differ.
/// </summary>
public static class LayoutCheck
{
    private const int Listed = 3;

    /// <summary>Compares the answer layouts of the version a round was collected under and the version it would be pinned to.</summary>
    public static LayoutComparison Compare(SurveyYear from, SurveyYear to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var reasons = new List<LayoutReason>();
        if (from.FiscalYear != to.FiscalYear)
        {
            var (a, b) = (from.FiscalYear.ToString(CultureInfo.InvariantCulture), to.FiscalYear.ToString(CultureInfo.InvariantCulture));
            reasons.Add(new LayoutReason(LayoutProblem.FiscalYearDiffers, null, [],
                new LocalizedText($"ปีงบประมาณต่างกัน: ฉบับเดิมเป็นปี {a} แต่ฉบับใหม่เป็นปี {b}",
                    $"The fiscal year differs: {a} in the old version, {b} in the new one.")));
        }
        var (old, now) = (AnswerLayout.Of(from), AnswerLayout.Of(to));
        var instruments = from.Model.Instruments.Select(i => i.Code).Concat(to.Model.Instruments.Select(i => i.Code))
            .Where(c => old.ContainsKey(c) || now.ContainsKey(c))
            .Concat(old.Keys.Order(StringComparer.Ordinal)).Concat(now.Keys.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        foreach (var instrument in instruments)
        {
            if (!now.ContainsKey(instrument) || !old.ContainsKey(instrument))
            {
                var removed = !now.ContainsKey(instrument);
                reasons.Add(new LayoutReason(removed ? LayoutProblem.InstrumentRemoved : LayoutProblem.InstrumentAdded, instrument, [],
                    removed
                        ? new LocalizedText($"{instrument}: ฉบับใหม่ไม่มีแบบ {instrument}", $"{instrument}: the new version has no {instrument} questionnaire.")
                        : new LocalizedText($"{instrument}: มีแบบ {instrument} เฉพาะในฉบับใหม่", $"{instrument}: only the new version has a {instrument} questionnaire.")));
                continue;
            }
            reasons.AddRange(Differences(old[instrument], now[instrument]));
        }
        return new LayoutComparison(from.FiscalYear, to.FiscalYear, reasons);
    }

    /// <summary>Why answers stored under one instrument layout cannot be read under another; empty when they can.</summary>
    public static IReadOnlyList<LayoutReason> Differences(AnswerLayout from, AnswerLayout to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var instrument = to.Instrument;
        var noun = to.ByItemCode || from.ByItemCode ? ("item", "items") : ("field", "fields");
        var reasons = new List<LayoutReason>();
        foreach (var (question, scale) in to.UndefinedScales)
        {
            reasons.Add(new LayoutReason(LayoutProblem.UndefinedScale, instrument, [question],
                new LocalizedText($"{instrument}: ข้อ {question} ใช้มาตรวัด {scale} ซึ่งไม่มีในฉบับใหม่",
                    $"{instrument}: question {question} uses scale {scale}, which the new version does not define.")));
        }
        var oldCodes = from.Fields.Select(f => f.Code).ToList();
        var newCodes = to.Fields.Select(f => f.Code).ToList();
        var removed = oldCodes.Except(newCodes, StringComparer.Ordinal).ToList();
        var added = newCodes.Except(oldCodes, StringComparer.Ordinal).ToList();
        if (removed.Count > 0)
        {
            reasons.Add(new LayoutReason(LayoutProblem.FieldRemoved, instrument, removed,
                new LocalizedText($"{instrument}: ข้อ {List(removed, "ข้อ")} ไม่มีในฉบับใหม่",
                    $"{instrument}: {Noun(removed, noun)} {List(removed, noun.Item2)} {(removed.Count == 1 ? "is" : "are")} not in the new version.")));
        }
        if (added.Count > 0)
        {
            reasons.Add(new LayoutReason(LayoutProblem.FieldAdded, instrument, added,
                new LocalizedText($"{instrument}: ข้อ {List(added, "ข้อ")} มีเฉพาะในฉบับใหม่",
                    $"{instrument}: {Noun(added, noun)} {List(added, noun.Item2)} {(added.Count == 1 ? "is" : "are")} only in the new version.")));
        }
        if (!from.ByItemCode || !to.ByItemCode)
        {
            Levels(instrument, from, to, reasons);
            Order(instrument, oldCodes, newCodes, reasons);
        }
        if (reasons.Count == 0 && from.Fingerprint != to.Fingerprint)
        {
            reasons.Add(new LayoutReason(LayoutProblem.LayoutDiffers, instrument, [],
                new LocalizedText($"{instrument}: รูปแบบคำตอบต่างกัน", $"{instrument}: the answer layout differs.")));
        }
        return reasons;
    }

    private static void Levels(string instrument, AnswerLayout from, AnswerLayout to, List<LayoutReason> reasons)
    {
        var newLevels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in to.Fields)
        {
            newLevels.TryAdd(field.Code, field.Levels);
        }
        var differing = from.Fields
            .Where(f => newLevels.TryGetValue(f.Code, out var levels) && levels != f.Levels && levels > 0)
            .ToList();
        if (differing.Count == 0)
        {
            return;
        }
        var first = differing[0];
        var after = newLevels[first.Code];
        var more = differing.Count - 1;
        reasons.Add(new LayoutReason(LayoutProblem.LevelCountDiffers, instrument, differing.Select(f => f.Code).ToList(),
            new LocalizedText(
                $"{instrument}: ข้อ {first.Code} มี {first.Levels} ระดับคำตอบในฉบับเดิม แต่ {after} ระดับในฉบับใหม่" + (more > 0 ? $" (และอีก {more} ข้อ)" : ""),
                $"{instrument}: field {first.Code} has {first.Levels} answer levels in the old version but {after} in the new one"
                + (more > 0 ? $" (and {more} more {(more == 1 ? "field" : "fields")})." : "."))));
    }

    private static void Order(string instrument, List<string> oldCodes, List<string> newCodes, List<LayoutReason> reasons)
    {
        var kept = oldCodes.Intersect(newCodes, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var a = oldCodes.Where(kept.Contains).Distinct().ToList();
        var b = newCodes.Where(kept.Contains).Distinct().ToList();
        if (a.SequenceEqual(b))
        {
            return;
        }
        var common = Diff.LongestCommon(a, b);
        var moved = b.Where(c => !common.Contains(c)).ToList();
        var first = moved[0];
        var (from, to) = (oldCodes.IndexOf(first) + 1, newCodes.IndexOf(first) + 1);
        var more = moved.Count - 1;
        reasons.Add(new LayoutReason(LayoutProblem.OrderDiffers, instrument, moved,
            new LocalizedText(
                $"{instrument}: ลำดับข้อต่างกัน ข้อ {first} อยู่ลำดับที่ {from} ในฉบับเดิม แต่ลำดับที่ {to} ในฉบับใหม่" + (more > 0 ? $" (และอีก {more} ข้อ)" : ""),
                $"{instrument}: the fields are in another order: {first} is field {from} in the old version but {to} in the new one"
                + (more > 0 ? $" (and {more} more moved)." : "."))));
    }

    private static string Noun(List<string> codes, (string One, string Many) noun) => codes.Count == 1 ? noun.One : noun.Many;

    private static string List(List<string> codes, string unit)
    {
        var shown = string.Join(", ", codes.Take(Listed));
        if (codes.Count <= Listed)
        {
            return shown;
        }
        var more = (codes.Count - Listed).ToString(CultureInfo.InvariantCulture);
        return unit == "ข้อ" ? $"{shown} และอีก {more} ข้อ" : $"{shown} and {more} more";
    }
}

/// <summary>The result of <see cref="LayoutCheck.Compare"/>.</summary>
/// <param name="FromYear">The fiscal year of the version the round was collected under.</param>
/// <param name="ToYear">The fiscal year of the version it would be pinned to.</param>
/// <param name="Reasons">Why the round cannot be re-pinned; empty when it can.</param>
public sealed record LayoutComparison(int FromYear, int ToYear, IReadOnlyList<LayoutReason> Reasons)
{
    /// <summary>True when answers collected under the old version read the same under the new one.</summary>
    public bool IsCompatible => Reasons.Count == 0;
}

/// <summary>One reason two versions' answer layouts differ.</summary>
/// <param name="Problem">What differs.</param>
/// <param name="Instrument">The instrument, or null for the fiscal year.</param>
/// <param name="Fields">The answer fields or OIT items concerned, all of them, in order.</param>
/// <param name="Message">One sentence in Thai and English naming the instrument and the first field(s).</param>
public sealed record LayoutReason(LayoutProblem Problem, string? Instrument, IReadOnlyList<string> Fields, LocalizedText Message)
{
    /// <inheritdoc />
    public override string ToString() => Message.Th;
}

/// <summary>What makes two answer layouts incompatible.</summary>
public enum LayoutProblem
{
    /// <summary>The versions are of different fiscal years.</summary>
    FiscalYearDiffers,

    /// <summary>The new version lacks an instrument of the old one.</summary>
    InstrumentRemoved,

    /// <summary>The new version has an instrument the old one lacks.</summary>
    InstrumentAdded,

    /// <summary>A question of the new version uses a scale its model does not define.</summary>
    UndefinedScale,

    /// <summary>Answer fields or OIT items of the old version are not in the new one.</summary>
    FieldRemoved,

    /// <summary>The new version has answer fields or OIT items the old one lacks.</summary>
    FieldAdded,

    /// <summary>A field kept in both has another number of answer levels.</summary>
    LevelCountDiffers,

    /// <summary>The fields kept in both are in another order.</summary>
    OrderDiffers,

    /// <summary>The fingerprints differ for a reason not listed above (e.g. a repeated field code).</summary>
    LayoutDiffers,
}
