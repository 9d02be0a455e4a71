namespace ItaSurvey.Web.Reports;

/// <summary>
/// One thing wrong with a report's save: the row (1-based, in page order; null for the report as
/// a whole), its key on the page, its code (question, OIT item or indicator), the field (a
/// property of <see cref="ImprovementItemForm"/>, or <see cref="WholeReport"/>) and the Thai message.
/// </summary>
public sealed record ImprovementProblem(int? Row, string? RowKey, string? Code, string Field, string Message)
{
    public const string WholeReport = "Items";

    /// <summary>The key of this problem among a save's errors: the row's key and the field.</summary>
    public string Key => RowKey is null ? Field : $"{RowKey}.{Field}";

    /// <summary>What the page lists: row, code, field and message, in Thai.</summary>
    public string Text => Row is { } row
        ? $"แถวที่ {row}{(string.IsNullOrWhiteSpace(Code) ? "" : $" ({Code.Trim()})")} {FieldName(Field)}: {Message}"
        : Message;

    /// <summary>The Thai name of a row's field, as the report's table heads it.</summary>
    public static string FieldName(string field) => field switch
    {
        nameof(ImprovementItemForm.IndicatorCode) => "ตัวชี้วัด",
        nameof(ImprovementItemForm.Section) => "ส่วนของรายงาน",
        nameof(ImprovementItemForm.SourceCode) => "รหัสข้อ",
        nameof(ImprovementItemForm.Weakness) => "ข้อบกพร่องหรือจุดอ่อน",
        nameof(ImprovementItemForm.PlannedAction) => "แนวทางปฏิบัติ",
        nameof(ImprovementItemForm.Owner) => "ผู้รับผิดชอบ",
        nameof(ImprovementItemForm.Status) => "สถานะ",
        nameof(ImprovementItemForm.EvidenceUrl) => "ลิงก์หลักฐาน",
        _ => field,
    };
}
