using System.Text.Json;

namespace ItaSurvey.Web.Reports;

/// <summary>
/// A round's improvement report. <c>Version</c> changes on every save: send it back with a change,
/// and a change made from an older version is refused with 409 and the current version.
/// </summary>
public sealed record ImprovementReportDto(int RoundId, Guid Version, DateTime CreatedAt, string CreatedBy, DateTime UpdatedAt, string UpdatedBy,
    IReadOnlyList<ImprovementItemDto> Items)
{
    public static ImprovementReportDto From(ImprovementReportForm report) =>
        new(report.RoundId, report.Version, Utc(report.CreatedAt), report.CreatedBy, Utc(report.UpdatedAt), report.UpdatedBy,
            [.. report.Items.Select(ImprovementItemDto.From)]);

    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);
}

/// <summary>
/// One row: section 1 (urgent, below 85) or 2 (to improve, below 90), the indicator, what the weakness
/// is about (sourceKind indicator, question or oitItem, and its code), the weakness in Thai, and what
/// the agency fills in: action, unit (a unit or role, never a person), status and evidence link.
/// </summary>
public sealed record ImprovementItemDto(int Id, int Section, string Indicator, string SourceKind, string SourceCode, string Weakness,
    string? Action, string? Unit, string Status, string StatusTh, string? EvidenceUrl)
{
    public static ImprovementItemDto From(ImprovementItemForm item) =>
        new(item.Id ?? 0, (int)item.Section, item.IndicatorCode, Name(item.SourceKind), item.SourceCode, item.Weakness,
            item.PlannedAction, item.Owner, Name(item.Status), ImprovementWords.Status(item.Status), item.EvidenceUrl);

    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

/// <summary>The body of PUT /rounds/{id}/report/items/{itemId}: what the agency fills in on the row, replacing what was there.</summary>
/// <param name="Version">The report version the change starts from (from the last GET or change).</param>
/// <param name="Status">"notStarted", "inProgress" or "done".</param>
/// <param name="Action">What the agency does about the weakness (แนวทางปฏิบัติ), at most 2,000 characters; left out clears it.</param>
/// <param name="Unit">The unit or role in charge (กองคลัง), never a person or an e-mail address, at most 200 characters; left out clears it.</param>
/// <param name="EvidenceUrl">Where the result can be seen: a full http(s) address; left out clears it.</param>
public sealed record ImprovementItemRequest(string? Version, string? Status, string? Action = null, string? Unit = null, string? EvidenceUrl = null)
{
    /// <summary>The change, or the problems of the request by field.</summary>
    public (Guid Version, ImprovementItemChange Change, Dictionary<string, Core.Model.LocalizedText> Errors) Read()
    {
        var errors = new Dictionary<string, Core.Model.LocalizedText>();
        if (!Guid.TryParse(Version, out var version))
        {
            errors["version"] = new("ส่ง version ของรายงานที่อ่านล่าสุด (GET /rounds/{id}/report)",
                Version is null ? "version is required: the report's version from GET /rounds/{id}/report." : $"version '{Version}' is not a report version.");
        }
        var status = Enum.GetValues<ImprovementStatus>().Where(s => ImprovementItemDto.Name(s) == Status).Cast<ImprovementStatus?>().FirstOrDefault();
        if (status is null)
        {
            errors["status"] = new("status ต้องเป็น notStarted (ยังไม่เริ่ม), inProgress (กำลังดำเนินการ) หรือ done (เสร็จแล้ว)",
                $"status is notStarted, inProgress or done, not '{Status}'.");
        }
        return (version, new ImprovementItemChange(Action, Unit, status ?? default, EvidenceUrl), errors);
    }
}
