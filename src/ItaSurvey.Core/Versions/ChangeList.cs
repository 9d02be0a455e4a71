using System.Globalization;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Versions;

/// <summary>Collects the changes of one comparison and words the common kinds.</summary>
internal sealed class ChangeList
{
    private readonly List<YearChange> _items = [];

    public IReadOnlyList<YearChange> Items => _items;

    /// <summary>Adds a change; the English description is capitalised.</summary>
    public void Add(
        ChangeArea area, ChangeKind kind, string code, string th, string en,
        string? field = null, LocalizedText? before = null, LocalizedText? after = null, string? instrument = null)
    {
        var english = en.Length > 0 ? char.ToUpperInvariant(en[0]) + en[1..] : en;
        _items.Add(new YearChange(area, kind, code, new LocalizedText(th, english))
        {
            Field = field, Before = before, After = after, Instrument = instrument,
        });
    }

    /// <summary>Adds a change of a number when the two differ.</summary>
    public void Number(
        ChangeArea area, ChangeKind kind, string code, string field, double old, double now,
        string th, string en, string? instrument = null)
    {
        if (!Diff.Same(old, now))
        {
            Add(area, kind, code, $"{th} เปลี่ยนจาก {Diff.Show(old)} เป็น {Diff.Show(now)}",
                $"{en} changed from {Diff.Show(old)} to {Diff.Show(now)}", field, Diff.Value(Diff.Show(old)), Diff.Value(Diff.Show(now)), instrument);
        }
    }

    /// <summary>Adds a change of a value shown as text when the two differ.</summary>
    public void Value(
        ChangeArea area, ChangeKind kind, string code, string field, LocalizedText old, LocalizedText now,
        string th, string en, string? instrument = null)
    {
        if (!Diff.Same(old, now))
        {
            Add(area, kind, code, $"{th} เปลี่ยนจาก {old.Th} เป็น {now.Th}", $"{en} changed from {old.For("en")} to {now.For("en")}",
                field, old, now, instrument);
        }
    }

    /// <summary>Adds a change of wording when the two texts differ, saying which language changed.</summary>
    public void Text(
        ChangeArea area, ChangeKind kind, string code, string field, LocalizedText? old, LocalizedText? now,
        string th, string en, string? instrument = null)
    {
        if (Diff.Same(old, now))
        {
            return;
        }
        var thai = (old?.Th ?? "") != (now?.Th ?? "");
        var english = Diff.Blank(old?.En) != Diff.Blank(now?.En);
        var (langTh, langEn) = (thai, english) switch
        {
            (true, true) => ("ภาษาไทยและภาษาอังกฤษ", "Thai and English"),
            (true, false) => ("ภาษาไทย", "Thai"),
            _ => ("ภาษาอังกฤษ", "English"),
        };
        Add(area, kind, code, $"{th} ({langTh})", $"{en} ({langEn})", field, old, now, instrument);
    }

    /// <summary>Adds the changes of a thing's source and note.</summary>
    public void Annotations(
        ChangeArea area, string code, string th, string en,
        string? oldSource, string? newSource, string? oldNote, string? newNote, string? instrument = null)
    {
        if (Diff.Blank(oldSource) != Diff.Blank(newSource))
        {
            Add(area, ChangeKind.SourceChanged, code, $"{th}: แหล่งที่มาเปลี่ยน", $"{en}: source changed", "source",
                Diff.Value(oldSource), Diff.Value(newSource), instrument);
        }
        if (Diff.Blank(oldNote) != Diff.Blank(newNote))
        {
            Add(area, ChangeKind.NoteChanged, code, $"{th}: หมายเหตุเปลี่ยน", $"{en}: note changed", "note",
                Diff.Value(oldNote), Diff.Value(newNote), instrument);
        }
    }

    /// <summary>
    /// Adds a <see cref="ChangeKind.Reordered"/> change for each thing kept in both lists that is not
    /// part of their longest common order, so one thing moved is one change.
    /// </summary>
    public void Order<T>(
        ChangeArea area, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> codeOf,
        Func<string, string> th, Func<string, string> en, string? instrument = null)
    {
        var newCodes = after.Select(codeOf).ToHashSet(StringComparer.Ordinal);
        var oldCodes = before.Select(codeOf).ToHashSet(StringComparer.Ordinal);
        var a = before.Select(codeOf).Where(newCodes.Contains).Distinct().ToList();
        var b = after.Select(codeOf).Where(oldCodes.Contains).Distinct().ToList();
        if (a.SequenceEqual(b))
        {
            return;
        }
        var kept = Diff.LongestCommon(a, b);
        var oldPosition = before.Select(codeOf).ToList();
        var newPosition = after.Select(codeOf).ToList();
        foreach (var code in b.Where(c => !kept.Contains(c)))
        {
            var from = oldPosition.IndexOf(code) + 1;
            var to = newPosition.IndexOf(code) + 1;
            Add(area, ChangeKind.Reordered, code, $"{th(code)}: ลำดับเปลี่ยนจากที่ {from} เป็นที่ {to}",
                $"{en(code)}: moved from position {from} to {to}", "order",
                Diff.Value(from.ToString(CultureInfo.InvariantCulture)), Diff.Value(to.ToString(CultureInfo.InvariantCulture)), instrument);
        }
    }
}

/// <summary>Matching, comparing and showing values for the comparisons.</summary>
internal static class Diff
{
    public static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    public static bool Same(double? a, double? b) => a is { } x && b is { } y ? Same(x, y) : a is null && b is null;

    public static bool Same(LocalizedText? a, LocalizedText? b) =>
        (a?.Th ?? "") == (b?.Th ?? "") && Blank(a?.En) == Blank(b?.En);

    public static string Blank(string? text) => string.IsNullOrWhiteSpace(text) ? "" : text;

    public static string Show(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static LocalizedText? Value(string? text) => text is null ? null : new LocalizedText(text);

    /// <summary>
    /// Pairs the things of two lists by code, in the new list's order with each removed thing after
    /// the kept thing it followed. Only the first of a repeated code counts.
    /// </summary>
    public static List<(T? Old, T? New)> Match<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> codeOf)
        where T : class
    {
        var old = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in before)
        {
            old.TryAdd(codeOf(item), item);
        }
        var newCodes = after.Select(codeOf).ToHashSet(StringComparer.Ordinal);
        var removedAfter = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        var anchor = "";
        var firsts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in before)
        {
            var code = codeOf(item);
            if (!firsts.Add(code))
            {
                continue;
            }
            if (newCodes.Contains(code))
            {
                anchor = code;
            }
            else
            {
                (removedAfter.TryGetValue(anchor, out var list) ? list : removedAfter[anchor] = []).Add(item);
            }
        }
        var pairs = new List<(T? Old, T? New)>();
        pairs.AddRange(removedAfter.GetValueOrDefault("", []).Select(r => ((T?)r, (T?)null)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in after)
        {
            var code = codeOf(item);
            if (seen.Add(code))
            {
                pairs.Add((old.GetValueOrDefault(code), item));
                pairs.AddRange(removedAfter.GetValueOrDefault(code, []).Select(r => ((T?)r, (T?)null)));
            }
        }
        return pairs;
    }

    /// <summary>
    /// The codes of a longest common subsequence of two sequences of distinct codes; among the longest,
    /// one that keeps the most codes at the same index, so a swap of two around a third keeps the third.
    /// </summary>
    public static HashSet<string> LongestCommon(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        const int matchWeight = 100_000;
        var score = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                var skip = Math.Max(score[i + 1, j], score[i, j + 1]);
                score[i, j] = a[i] == b[j] ? Math.Max(skip, Weight(i, j) + score[i + 1, j + 1]) : skip;
            }
        }
        var common = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            if (a[i] == b[j] && score[i, j] == Weight(i, j) + score[i + 1, j + 1])
            {
                common.Add(a[i]);
                i++;
                j++;
            }
            else if (score[i + 1, j] >= score[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return common;

        static int Weight(int i, int j) => matchWeight + (i == j ? 1 : 0);
    }
}
