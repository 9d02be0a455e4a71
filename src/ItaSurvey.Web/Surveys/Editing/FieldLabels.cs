namespace ItaSurvey.Web.Surveys.Editing;

/// <summary>The Thai label of each property of the definition files, and the line a list item is summed up by.</summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["fiscalYear"] = "ปีงบประมาณ (พ.ศ.)", ["name"] = "ชื่อ", ["source"] = "ที่มาของข้อมูล", ["note"] = "หมายเหตุ (สิ่งที่ยังไม่ยืนยัน)",
        ["instruments"] = "เครื่องมือการประเมิน", ["indicators"] = "ตัวชี้วัด", ["subIndicators"] = "ตัวชี้วัดย่อย", ["scales"] = "มาตรวัดคำตอบ",
        ["flags"] = "เกณฑ์การแจ้งเตือนตัวชี้วัด", ["rating"] = "เกณฑ์ระดับผลการประเมิน", ["minimumSample"] = "จำนวนผู้ตอบขั้นต่ำ",
        ["code"] = "รหัส", ["th"] = "ภาษาไทย", ["en"] = "ภาษาอังกฤษ", ["respondents"] = "ผู้ตอบ", ["weight"] = "น้ำหนัก (0–1)",
        ["instrument"] = "เครื่องมือ", ["levels"] = "ระดับ", ["label"] = "ข้อความของระดับ", ["points"] = "คะแนน (เช่น 100 หรือ 100/3)",
        ["urgentBelow"] = "ต้องแก้ไขเร่งด่วนเมื่อต่ำกว่า", ["improveBelow"] = "ควรปรับปรุงเมื่อต่ำกว่า", ["decimals"] = "ทศนิยมที่ใช้เทียบ",
        ["minTotal"] = "คะแนนรวมขั้นต่ำ", ["minEachInstrument"] = "คะแนนขั้นต่ำของทุกเครื่องมือ", ["passed"] = "ถือว่าผ่าน",
        ["iit"] = "IIT", ["eit"] = "EIT", ["percentOfHeadcount"] = "ร้อยละของจำนวนบุคลากร", ["atLeast"] = "อย่างน้อย (คน)",
        ["groups"] = "กลุ่มหน่วยงาน", ["minimum"] = "จำนวนขั้นต่ำ", ["title"] = "ชื่อแบบสำรวจ", ["officialWording"] = "ถ้อยคำทางการของ ป.ป.ช.",
        ["questions"] = "ข้อคำถาม", ["indicator"] = "ตัวชี้วัด", ["subIndicator"] = "ตัวชี้วัดย่อย", ["scale"] = "มาตรวัด",
        ["direction"] = "ทิศทางการให้คะแนน", ["text"] = "ข้อความ", ["items"] = "ข้อย่อย", ["evidence"] = "หลักฐานที่ควรเผยแพร่",
        ["keywords"] = "คำสำคัญ",
    };

    private static readonly Dictionary<string, string> Choices = new(StringComparer.Ordinal)
    {
        ["positive"] = "เชิงบวก (positive)", ["negative"] = "เชิงลบ กลับคะแนน (negative)",
    };

    public static string Of(string property) => Labels.GetValueOrDefault(property, property);

    public static string Choice(string value) => Choices.GetValueOrDefault(value, value);

    /// <summary>"I4 — ข้อความ…", "ดีมาก — 100": what a collapsed list item shows.</summary>
    public static string Summary(System.Text.Json.Nodes.JsonNode? item)
    {
        if (item is not System.Text.Json.Nodes.JsonObject obj)
        {
            return SchemaGuide.Show(item);
        }
        var code = obj["code"] is { } c ? SchemaGuide.Show(c) : null;
        var thai = new[] { "name", "text", "label", "title" }.Select(n => obj[n]?["th"]).FirstOrDefault(t => t is not null) is { } th ? SchemaGuide.Show(th) : null;
        if (thai is { Length: > 90 })
        {
            thai = thai[..90] + "…";
        }
        var points = obj["points"] is { } p ? $"{SchemaGuide.Show(p)} คะแนน" : null;
        var parts = new[] { code, thai, points }.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        return parts.Count == 0 ? "(ยังไม่ได้กรอก)" : string.Join(" — ", parts);
    }
}
