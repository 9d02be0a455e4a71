using System.Globalization;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Versions;

/// <summary>The changes of a model's fiscal year, name, instruments, indicators and scales.</summary>
internal static class ModelDiff
{
    public static void Compare(AssessmentModel before, AssessmentModel after, ChangeList changes)
    {
        var year = after.FiscalYear.ToString(CultureInfo.InvariantCulture);
        if (before.FiscalYear != after.FiscalYear)
        {
            var old = before.FiscalYear.ToString(CultureInfo.InvariantCulture);
            changes.Add(ChangeArea.Model, ChangeKind.ValueChanged, year, $"ปีงบประมาณเปลี่ยนจาก {old} เป็น {year}",
                $"fiscal year changed from {old} to {year}", "fiscalYear", Diff.Value(old), Diff.Value(year));
        }
        changes.Text(ChangeArea.Model, ChangeKind.Renamed, year, "name", before.Name, after.Name,
            "ชื่อการประเมินเปลี่ยน", "the assessment's name changed");
        changes.Annotations(ChangeArea.Model, year, "แบบจำลองการประเมิน", "the assessment model",
            before.Source, after.Source, before.Note, after.Note);
        Instruments(before.Instruments, after.Instruments, changes);
        Indicators(before.Indicators, after.Indicators, changes);
        Scales(before.Scales, after.Scales, changes);
    }

    private static void Instruments(IReadOnlyList<Instrument> before, IReadOnlyList<Instrument> after, ChangeList changes)
    {
        const ChangeArea area = ChangeArea.Instruments;
        foreach (var (old, now) in Diff.Match(before, after, i => i.Code))
        {
            var code = (now ?? old)!.Code;
            var (th, en) = ($"เครื่องมือ {code}", $"instrument {code}");
            if (old is null || now is null)
            {
                var added = old is null;
                var thing = (now ?? old)!;
                changes.Add(area, added ? ChangeKind.Added : ChangeKind.Removed, code,
                    $"{(added ? "เพิ่ม" : "ลบ")}{th} {thing.Name.Th} (น้ำหนัก {Diff.Show(thing.Weight)})",
                    $"{en} {(added ? "added" : "removed")}: {thing.Name.For("en")} (weight {Diff.Show(thing.Weight)})",
                    before: old?.Name, after: now?.Name);
                continue;
            }
            changes.Number(area, ChangeKind.WeightChanged, code, "weight", old.Weight, now.Weight, $"น้ำหนักของ{th}", $"the weight of {en}");
            changes.Text(area, ChangeKind.Renamed, code, "name", old.Name, now.Name, $"ชื่อ{th} เปลี่ยน", $"{en} renamed");
            changes.Text(area, ChangeKind.Reworded, code, "respondents", old.Respondents, now.Respondents,
                $"ผู้ตอบของ{th} ปรับถ้อยคำ", $"the respondents of {en} reworded");
            changes.Annotations(area, code, th, en, old.Source, now.Source, old.Note, now.Note);
        }
        changes.Order(area, before, after, i => i.Code, c => $"เครื่องมือ {c}", c => $"instrument {c}");
    }

    private static void Indicators(IReadOnlyList<Indicator> before, IReadOnlyList<Indicator> after, ChangeList changes)
    {
        const ChangeArea area = ChangeArea.Indicators;
        foreach (var (old, now) in Diff.Match(before, after, i => i.Code))
        {
            var code = (now ?? old)!.Code;
            var (th, en) = ($"ตัวชี้วัด {code}", $"indicator {code}");
            if (old is null || now is null)
            {
                var added = old is null;
                var thing = (now ?? old)!;
                changes.Add(area, added ? ChangeKind.Added : ChangeKind.Removed, code,
                    $"{(added ? "เพิ่ม" : "ลบ")}{th} {thing.Name.Th} ({thing.Instrument})",
                    $"{en} {(added ? "added" : "removed")}: {thing.Name.For("en")} ({thing.Instrument})",
                    before: old?.Name, after: now?.Name);
                continue;
            }
            if (old.Instrument != now.Instrument)
            {
                changes.Add(area, ChangeKind.InstrumentChanged, code, $"{th} ย้ายจาก {old.Instrument} ไป {now.Instrument}",
                    $"{en} moved from {old.Instrument} to {now.Instrument}", "instrument",
                    Diff.Value(old.Instrument), Diff.Value(now.Instrument));
            }
            changes.Text(area, ChangeKind.Renamed, code, "name", old.Name, now.Name, $"ชื่อ{th} เปลี่ยน", $"{en} renamed");
            changes.Annotations(area, code, th, en, old.Source, now.Source, old.Note, now.Note);
            SubIndicators(code, old.SubIndicators ?? [], now.SubIndicators ?? [], changes);
        }
        changes.Order(area, before, after, i => i.Code, c => $"ตัวชี้วัด {c}", c => $"indicator {c}");
    }

    private static void SubIndicators(
        string indicator, IReadOnlyList<SubIndicator> before, IReadOnlyList<SubIndicator> after, ChangeList changes)
    {
        const ChangeArea area = ChangeArea.Indicators;
        foreach (var (old, now) in Diff.Match(before, after, s => s.Code))
        {
            var code = (now ?? old)!.Code;
            var (th, en) = ($"ตัวชี้วัดย่อย {code}", $"sub-indicator {code}");
            if (old is null || now is null)
            {
                var added = old is null;
                var name = (now ?? old)!.Name;
                changes.Add(area, added ? ChangeKind.Added : ChangeKind.Removed, code,
                    $"{(added ? "เพิ่ม" : "ลบ")}{th} {name.Th} ในตัวชี้วัด {indicator}",
                    $"{en} {(added ? "added to" : "removed from")} indicator {indicator}: {name.For("en")}",
                    before: old?.Name, after: now?.Name);
                continue;
            }
            changes.Text(area, ChangeKind.Renamed, code, "name", old.Name, now.Name, $"ชื่อ{th} เปลี่ยน", $"{en} renamed");
            changes.Annotations(area, code, th, en, old.Source, now.Source, old.Note, now.Note);
        }
        changes.Order(area, before, after, s => s.Code, c => $"ตัวชี้วัดย่อย {c}", c => $"sub-indicator {c}");
    }

    private static void Scales(IReadOnlyList<AnswerScale> before, IReadOnlyList<AnswerScale> after, ChangeList changes)
    {
        const ChangeArea area = ChangeArea.Scales;
        foreach (var (old, now) in Diff.Match(before, after, s => s.Code))
        {
            var code = (now ?? old)!.Code;
            var (th, en) = ($"มาตรวัด {code}", $"scale {code}");
            if (old is null || now is null)
            {
                var added = old is null;
                var levels = (now ?? old)!.Levels.Count;
                changes.Add(area, added ? ChangeKind.Added : ChangeKind.Removed, code,
                    $"{(added ? "เพิ่ม" : "ลบ")}{th} ({levels} ระดับ)", $"{en} {(added ? "added" : "removed")} ({levels} levels)",
                    before: old?.Name, after: now?.Name);
                continue;
            }
            changes.Text(area, ChangeKind.Renamed, code, "name", old.Name, now.Name, $"ชื่อ{th} เปลี่ยน", $"{en} renamed");
            changes.Annotations(area, code, th, en, old.Source, now.Source, old.Note, now.Note);
            for (var i = 0; i < Math.Max(old.Levels.Count, now.Levels.Count); i++)
            {
                Level(code, i, old.Levels.ElementAtOrDefault(i), now.Levels.ElementAtOrDefault(i), changes);
            }
        }
    }

    private static void Level(string scale, int index, ScaleLevel? old, ScaleLevel? now, ChangeList changes)
    {
        const ChangeArea area = ChangeArea.Scales;
        var number = (index + 1).ToString(CultureInfo.InvariantCulture);
        var code = $"{scale}#{number}";
        var (th, en) = ($"มาตรวัด {scale} ระดับที่ {number}", $"scale {scale} level {number}");
        if (old is null || now is null)
        {
            var added = old is null;
            var level = (now ?? old)!;
            changes.Add(area, added ? ChangeKind.Added : ChangeKind.Removed, code,
                $"{(added ? "เพิ่ม" : "ลบ")}{th} ({level.Label.Th}, {Diff.Show(level.Points)} คะแนน)",
                $"{en} {(added ? "added" : "removed")} ({level.Label.For("en")}, {Diff.Show(level.Points)} points)",
                before: old?.Label, after: now?.Label);
            return;
        }
        changes.Number(area, ChangeKind.PointsChanged, code, "points", old.Points, now.Points,
            $"คะแนนของ{th} ({now.Label.Th})", $"the points of {en} ({now.Label.For("en")})");
        changes.Text(area, ChangeKind.LabelChanged, code, "label", old.Label, now.Label, $"ชื่อ{th} เปลี่ยน", $"the label of {en} changed");
        changes.Annotations(area, code, th, en, null, null, old.Note, now.Note);
    }
}
