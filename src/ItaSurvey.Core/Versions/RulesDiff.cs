using System.Globalization;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Versions;

/// <summary>The changes of the rating rules, the indicator flags and the minimum-sample rules.</summary>
internal static class RulesDiff
{
    public static void Compare(AssessmentModel before, AssessmentModel after, ChangeList changes)
    {
        Rating(before.Rating, after.Rating, changes);
        Flags(before.Flags, after.Flags, changes);
        MinimumSample(before.MinimumSample, after.MinimumSample, changes);
    }

    private static void Rating(RatingRules before, RatingRules after, ChangeList changes)
    {
        const ChangeArea area = ChangeArea.Rating;
        changes.Number(area, ChangeKind.ValueChanged, "rating", "decimals", before.Decimals, after.Decimals,
            "จำนวนตำแหน่งทศนิยมที่ใช้ตัดสินระดับผลการประเมิน", "the decimals a rating is decided at");
        changes.Annotations(area, "rating", "เกณฑ์ระดับผลการประเมิน", "the rating rules", before.Source, after.Source, before.Note, after.Note);
        foreach (var (old, now) in Diff.Match(before.Levels, after.Levels, l => l.Code))
        {
            var code = (now ?? old)!.Code;
            var (th, en) = ($"ระดับผลการประเมิน {code}", $"rating level {code}");
            if (old is null || now is null)
            {
                var added = old is null;
                var level = (now ?? old)!;
                var (nameTh, nameEn) = (level.Name.Th == code ? "" : " " + level.Name.Th, level.Name.For("en") == code ? "" : ": " + level.Name.For("en"));
                changes.Add(area, added ? ChangeKind.Added : ChangeKind.Removed, code,
                    $"{(added ? "เพิ่ม" : "ลบ")}{th}{nameTh} (คะแนนรวมตั้งแต่ {Diff.Show(level.MinTotal)})",
                    $"{en} {(added ? "added" : "removed")}{nameEn} (total from {Diff.Show(level.MinTotal)})",
                    before: old?.Name, after: now?.Name);
                continue;
            }
            changes.Text(area, ChangeKind.Renamed, code, "name", old.Name, now.Name, $"ชื่อ{th} เปลี่ยน", $"{en} renamed");
            changes.Number(area, ChangeKind.ThresholdChanged, code, "minTotal", old.MinTotal, now.MinTotal,
                $"คะแนนรวมขั้นต่ำของ{th} ({now.Name.Th})", $"the minimum total of {en} ({now.Name.For("en")})");
            if (!Diff.Same(old.MinEachInstrument, now.MinEachInstrument))
            {
                changes.Value(area, ChangeKind.ThresholdChanged, code, "minEachInstrument", Floor(old.MinEachInstrument), Floor(now.MinEachInstrument),
                    $"คะแนนขั้นต่ำทุกเครื่องมือของ{th} ({now.Name.Th})", $"the minimum of every instrument for {en} ({now.Name.For("en")})");
            }
            if (old.Passed != now.Passed)
            {
                changes.Value(area, ChangeKind.PassedChanged, code, "passed", Passed(old.Passed), Passed(now.Passed),
                    $"{th} ({now.Name.Th})", $"{en} ({now.Name.For("en")})");
            }
            changes.Annotations(area, code, th, en, null, null, old.Note, now.Note);
        }
        changes.Order(area, before.Levels, after.Levels, l => l.Code, c => $"ระดับผลการประเมิน {c}", c => $"rating level {c}");
    }

    private static LocalizedText Floor(double? floor) =>
        floor is { } value ? new LocalizedText(Diff.Show(value)) : new LocalizedText("ไม่กำหนด", "none");

    private static LocalizedText Passed(bool passed) => passed ? new LocalizedText("ผ่าน", "passing") : new LocalizedText("ไม่ผ่าน", "failing");

    private static void Flags(IndicatorFlags before, IndicatorFlags after, ChangeList changes)
    {
        const ChangeArea area = ChangeArea.Flags;
        changes.Number(area, ChangeKind.ThresholdChanged, "flags", "urgentBelow", before.UrgentBelow, after.UrgentBelow,
            "เกณฑ์ตัวชี้วัดที่ต้องแก้ไขเร่งด่วน (ต่ำกว่า)", "the urgent-improvement threshold (below)");
        changes.Number(area, ChangeKind.ThresholdChanged, "flags", "improveBelow", before.ImproveBelow, after.ImproveBelow,
            "เกณฑ์ตัวชี้วัดที่ควรปรับปรุง (ต่ำกว่า)", "the improvement threshold (below)");
        changes.Annotations(area, "flags", "เกณฑ์การระบุตัวชี้วัด", "the indicator flags", before.Source, after.Source, before.Note, after.Note);
    }

    private static void MinimumSample(MinimumSampleRules before, MinimumSampleRules after, ChangeList changes)
    {
        const ChangeArea area = ChangeArea.MinimumSample;
        changes.Annotations(area, "minimumSample", "เกณฑ์จำนวนผู้ตอบขั้นต่ำ", "the minimum-sample rules",
            before.Source, after.Source, before.Note, after.Note);
        var (oldIit, newIit) = (before.Iit, after.Iit);
        changes.Number(area, ChangeKind.ThresholdChanged, "IIT", "percentOfHeadcount", oldIit.PercentOfHeadcount, newIit.PercentOfHeadcount,
            "ร้อยละของบุคลากรที่ต้องตอบ IIT", "the IIT share of the headcount (percent)");
        changes.Number(area, ChangeKind.ThresholdChanged, "IIT", "atLeast", oldIit.AtLeast, newIit.AtLeast,
            "จำนวนผู้ตอบ IIT ขั้นต่ำ", "the IIT floor of responses");
        changes.Annotations(area, "IIT", "เกณฑ์ผู้ตอบ IIT", "the IIT minimum", oldIit.Source, newIit.Source, oldIit.Note, newIit.Note);
        var (oldEit, newEit) = (before.Eit, after.Eit);
        changes.Annotations(area, "EIT", "เกณฑ์ผู้ตอบ EIT", "the EIT minimum", oldEit.Source, newEit.Source, oldEit.Note, newEit.Note);
        foreach (var (old, now) in Diff.Match(oldEit.Groups, newEit.Groups, g => g.Code))
        {
            var code = (now ?? old)!.Code;
            var (th, en) = ($"กลุ่มหน่วยงาน {code}", $"agency group {code}");
            if (old is null || now is null)
            {
                var added = old is null;
                var group = (now ?? old)!;
                var minimum = group.Minimum.ToString(CultureInfo.InvariantCulture);
                changes.Add(area, added ? ChangeKind.Added : ChangeKind.Removed, code,
                    $"{(added ? "เพิ่ม" : "ลบ")}{th} {group.Name.Th} (ผู้ตอบ EIT ขั้นต่ำ {minimum})",
                    $"{en} {(added ? "added" : "removed")}: {group.Name.For("en")} (EIT minimum {minimum})",
                    before: old?.Name, after: now?.Name);
                continue;
            }
            changes.Text(area, ChangeKind.Renamed, code, "name", old.Name, now.Name, $"ชื่อ{th} เปลี่ยน", $"{en} renamed");
            changes.Number(area, ChangeKind.ThresholdChanged, code, "minimum", old.Minimum, now.Minimum,
                $"จำนวนผู้ตอบ EIT ขั้นต่ำของ{th} ({now.Name.Th})", $"the EIT minimum of {en} ({now.Name.For("en")})");
            changes.Annotations(area, code, th, en, null, null, old.Note, now.Note);
        }
        changes.Order(area, oldEit.Groups, newEit.Groups, g => g.Code, c => $"กลุ่มหน่วยงาน {c}", c => $"agency group {c}");
    }
}
