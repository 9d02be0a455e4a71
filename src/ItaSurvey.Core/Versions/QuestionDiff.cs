using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Versions;

/// <summary>The changes of the questionnaires, their questions and sub-items, and the OIT items.</summary>
internal static class QuestionDiff
{
    /// <summary>The instrument whose questions are checklist items with evidence rather than answers.</summary>
    public const string Checklist = "OIT";

    public static void Compare(SurveyYear before, SurveyYear after, ChangeList changes)
    {
        var instruments = after.Model.Instruments.Select(i => i.Code)
            .Concat(after.Questionnaires.Keys.Order(StringComparer.Ordinal))
            .Concat(before.Model.Instruments.Select(i => i.Code))
            .Concat(before.Questionnaires.Keys.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        foreach (var instrument in instruments)
        {
            var old = before.Questionnaires.GetValueOrDefault(instrument);
            var now = after.Questionnaires.GetValueOrDefault(instrument);
            if (old is null && now is null)
            {
                continue;
            }
            if (old is null || now is null)
            {
                var added = old is null;
                var count = (now ?? old)!.Questions.Count;
                changes.Add(ChangeArea.Questionnaires, added ? ChangeKind.Added : ChangeKind.Removed, instrument,
                    $"{(added ? "เพิ่ม" : "ลบ")}แบบ {instrument} ({count} ข้อ)", $"the {instrument} questionnaire {(added ? "added" : "removed")} ({count} questions)",
                    before: old?.Title, after: now?.Title, instrument: instrument);
                continue;
            }
            Questionnaire(instrument, old, now, changes);
        }
    }

    private static void Questionnaire(string instrument, Questionnaire old, Questionnaire now, ChangeList changes)
    {
        const ChangeArea area = ChangeArea.Questionnaires;
        var (th, en) = ($"แบบ {instrument}", $"the {instrument} questionnaire");
        changes.Text(area, ChangeKind.Renamed, instrument, "title", old.Title, now.Title, $"ชื่อ{th} เปลี่ยน", $"{en} retitled", instrument);
        if (old.OfficialWording != now.OfficialWording)
        {
            changes.Value(area, ChangeKind.ValueChanged, instrument, "officialWording", Official(old.OfficialWording), Official(now.OfficialWording),
                $"ถ้อยคำของ{th}", $"the wording of {en}", instrument);
        }
        changes.Annotations(area, instrument, th, en, old.Source, now.Source, old.Note, now.Note, instrument);

        var checklist = instrument == Checklist;
        var questionArea = checklist ? ChangeArea.OitItems : ChangeArea.Questions;
        var thing = checklist ? ("ข้อ", "item") : ("ข้อ", "question");
        foreach (var (oldQuestion, newQuestion) in Diff.Match(old.Questions, now.Questions, q => q.Code))
        {
            Question(instrument, questionArea, thing, oldQuestion, newQuestion, changes);
        }
        changes.Order(questionArea, old.Questions, now.Questions, q => q.Code,
            c => $"{instrument} {thing.Item1} {c}", c => $"{instrument} {thing.Item2} {c}", instrument);
    }

    private static LocalizedText Official(bool official) =>
        official ? new LocalizedText("ถ้อยคำทางการ", "official") : new LocalizedText("ถ้อยคำที่ยังไม่ยืนยัน", "unconfirmed");

    private static void Question(
        string instrument, ChangeArea area, (string Th, string En) thing, Question? old, Question? now, ChangeList changes)
    {
        var code = (now ?? old)!.Code;
        var (th, en) = ($"{instrument} {thing.Th} {code}", $"{instrument} {thing.En} {code}");
        if (old is null || now is null)
        {
            var added = old is null;
            var question = (now ?? old)!;
            changes.Add(area, added ? ChangeKind.Added : ChangeKind.Removed, code,
                $"{(added ? "เพิ่ม" : "ลบ")} {th}: {question.Text.Th}", $"{en} {(added ? "added" : "removed")}: {question.Text.For("en")}",
                before: old?.Text, after: now?.Text, instrument: instrument);
            return;
        }
        var retitled = area == ChangeArea.OitItems;
        changes.Text(area, retitled ? ChangeKind.Retitled : ChangeKind.Reworded, code, "text", old.Text, now.Text,
            retitled ? $"{th} เปลี่ยนชื่อ" : $"{th} ปรับถ้อยคำ", retitled ? $"{en} retitled" : $"{en} reworded", instrument);
        if (old.Indicator != now.Indicator || old.SubIndicator != now.SubIndicator)
        {
            var field = old.Indicator != now.Indicator ? "indicator" : "subIndicator";
            var (from, to) = (Place(old), Place(now));
            changes.Add(area, ChangeKind.Moved, code, $"{th} ย้ายจากตัวชี้วัด {from} ไปตัวชี้วัด {to}",
                $"{en} moved from indicator {from} to {to}", field, Diff.Value(from), Diff.Value(to), instrument);
        }
        if (old.Scale != now.Scale)
        {
            changes.Add(area, ChangeKind.ScaleChanged, code, $"{th} เปลี่ยนมาตรวัดจาก {old.Scale} เป็น {now.Scale}",
                $"{en} changed scale from {old.Scale} to {now.Scale}", "scale", Diff.Value(old.Scale), Diff.Value(now.Scale), instrument);
        }
        if (old.Direction != now.Direction)
        {
            changes.Value(area, ChangeKind.DirectionChanged, code, "direction", DirectionText(old.Direction), DirectionText(now.Direction),
                $"ทิศทางการให้คะแนนของ {th}", $"the scoring direction of {en}", instrument);
        }
        changes.Text(area, ChangeKind.EvidenceChanged, code, "evidence", old.Evidence, now.Evidence,
            $"หลักฐานที่คาดหวังของ {th} เปลี่ยน", $"the evidence expected for {en} changed", instrument);
        Keywords(area, code, th, en, old.Keywords ?? [], now.Keywords ?? [], instrument, changes);
        changes.Annotations(area, code, th, en, old.Source, now.Source, old.Note, now.Note, instrument);
        Items(instrument, area, old, now, changes);
    }

    private static string Place(Question question) =>
        question.SubIndicator is null ? question.Indicator : $"{question.Indicator} ({question.SubIndicator})";

    private static LocalizedText DirectionText(Direction direction) => direction == Model.Direction.Positive
        ? new LocalizedText("เชิงบวก", "positive")
        : new LocalizedText("เชิงลบ (กลับคะแนน)", "negative (reverse-scored)");

    private static void Keywords(
        ChangeArea area, string code, string th, string en, IReadOnlyList<string> old, IReadOnlyList<string> now,
        string instrument, ChangeList changes)
    {
        if (old.SequenceEqual(now, StringComparer.Ordinal))
        {
            return;
        }
        var added = now.Except(old, StringComparer.Ordinal).ToList();
        var removed = old.Except(now, StringComparer.Ordinal).ToList();
        var partsTh = new List<string>();
        var partsEn = new List<string>();
        if (added.Count > 0)
        {
            partsTh.Add("เพิ่ม " + string.Join(", ", added));
            partsEn.Add("added " + string.Join(", ", added));
        }
        if (removed.Count > 0)
        {
            partsTh.Add("ลบ " + string.Join(", ", removed));
            partsEn.Add("removed " + string.Join(", ", removed));
        }
        if (partsTh.Count == 0)
        {
            partsTh.Add("ลำดับเปลี่ยน");
            partsEn.Add("reordered");
        }
        changes.Add(area, ChangeKind.KeywordsChanged, code, $"คำสำคัญของ {th} เปลี่ยน: {string.Join("; ", partsTh)}",
            $"the keywords of {en} changed: {string.Join("; ", partsEn)}", "keywords",
            Diff.Value(string.Join(", ", old)), Diff.Value(string.Join(", ", now)), instrument);
    }

    private static void Items(string instrument, ChangeArea area, Question question, Question now, ChangeList changes)
    {
        var (before, after) = (question.Items ?? [], now.Items ?? []);
        foreach (var (old, item) in Diff.Match(before, after, i => i.Code))
        {
            var code = (item ?? old)!.Code;
            var (th, en) = ($"{instrument} ข้อย่อย {code}", $"{instrument} sub-item {code}");
            if (old is null || item is null)
            {
                var added = old is null;
                var text = (item ?? old)!.Text;
                changes.Add(area, added ? ChangeKind.Added : ChangeKind.Removed, code,
                    $"{(added ? "เพิ่ม" : "ลบ")} {th} ของข้อ {now.Code}: {text.Th}",
                    $"{en} of {question.Code} {(added ? "added" : "removed")}: {text.For("en")}",
                    before: old?.Text, after: item?.Text, instrument: instrument);
                continue;
            }
            changes.Text(area, ChangeKind.Reworded, code, "text", old.Text, item.Text, $"{th} ปรับถ้อยคำ", $"{en} reworded", instrument);
            var (oldDirection, newDirection) = (old.Direction ?? question.Direction, item.Direction ?? now.Direction);
            if (oldDirection != newDirection && (old.Direction is not null || item.Direction is not null))
            {
                changes.Value(area, ChangeKind.DirectionChanged, code, "direction", DirectionText(oldDirection), DirectionText(newDirection),
                    $"ทิศทางการให้คะแนนของ {th}", $"the scoring direction of {en}", instrument);
            }
            changes.Annotations(area, code, th, en, null, null, old.Note, item.Note, instrument);
        }
        changes.Order(area, before, after, i => i.Code, c => $"{instrument} ข้อย่อย {c}", c => $"{instrument} sub-item {c}", instrument);
    }
}
