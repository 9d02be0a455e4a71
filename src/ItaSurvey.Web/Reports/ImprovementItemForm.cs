using ItaSurvey.Core.Improvement;
using ItaSurvey.Web.Forms;

namespace ItaSurvey.Web.Reports;

/// <summary>One row of the report as the page edits it.</summary>
public sealed class ImprovementItemForm
{
    /// <summary>The stored row's id, or null for a row added on the page.</summary>
    public int? Id { get; set; }

    public ImprovementSection Section { get; set; } = ImprovementSection.Urgent;

    public string IndicatorCode { get; set; } = "";

    public WeaknessSource SourceKind { get; set; } = WeaknessSource.Indicator;

    public string SourceCode { get; set; } = "";

    public string Weakness { get; set; } = "";

    public string? PlannedAction { get; set; }

    public string? Owner { get; set; }

    public ImprovementStatus Status { get; set; }

    public string? EvidenceUrl { get; set; }

    /// <summary>What the last save found wrong with this row. Keys: Weakness, PlannedAction, Owner, EvidenceUrl, IndicatorCode, SourceCode.</summary>
    public FormErrors Errors { get; set; } = FormErrors.None;

    /// <summary>A short key for ids on the page, stable while the row lives there.</summary>
    public string Key { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>Checks the row against the indicator codes of the round's year.</summary>
    public FormErrors Validate(IReadOnlySet<string> indicatorCodes)
    {
        var errors = new FormErrors();
        if (!indicatorCodes.Contains(IndicatorCode.Trim()))
        {
            errors.Add(nameof(IndicatorCode), "เลือกตัวชี้วัดของปีงบประมาณนี้", "Choose an indicator of this fiscal year.");
        }
        if (!Enum.IsDefined(Section))
        {
            errors.Add(nameof(Section), "เลือกส่วนที่ 1 หรือส่วนที่ 2", "The section is 1 (urgent) or 2 (to improve).");
        }
        if (!Enum.IsDefined(SourceKind) || !Enum.IsDefined(Status))
        {
            errors.Add(nameof(Status), "เลือกสถานะจากรายการ", "The status is notStarted, inProgress or done.");
        }
        if ((SourceCode?.Trim().Length ?? 0) > ImprovementReportModel.MaxCode)
        {
            errors.Add(nameof(SourceCode), $"รหัสข้อยาวได้ไม่เกิน {ImprovementReportModel.MaxCode} ตัวอักษร",
                $"The item code is at most {ImprovementReportModel.MaxCode} characters.");
        }
        var weakness = Weakness?.Trim() ?? "";
        if (weakness.Length == 0)
        {
            errors.Add(nameof(Weakness), "ระบุข้อบกพร่องหรือจุดอ่อนของแถวนี้", "Describe the row's weakness.");
        }
        else if (weakness.Length > ImprovementReportModel.MaxWeakness)
        {
            errors.Add(nameof(Weakness), $"ข้อบกพร่องหรือจุดอ่อนยาวได้ไม่เกิน {ImprovementReportModel.MaxWeakness:N0} ตัวอักษร",
                $"The weakness is at most {ImprovementReportModel.MaxWeakness:N0} characters.");
        }
        if ((Clean(PlannedAction)?.Length ?? 0) > ImprovementReportModel.MaxAction)
        {
            errors.Add(nameof(PlannedAction), $"แนวทางปฏิบัติยาวได้ไม่เกิน {ImprovementReportModel.MaxAction:N0} ตัวอักษร",
                $"The action is at most {ImprovementReportModel.MaxAction:N0} characters.");
        }
        if (Clean(Owner) is { } owner)
        {
            if (owner.Length > ImprovementReportModel.MaxOwner)
            {
                errors.Add(nameof(Owner), $"ผู้รับผิดชอบยาวได้ไม่เกิน {ImprovementReportModel.MaxOwner} ตัวอักษร",
                    $"The responsible unit is at most {ImprovementReportModel.MaxOwner} characters.");
            }
            else if (owner.Contains('@'))
            {
                errors.Add(nameof(Owner), "ระบุส่วนงานหรือตำแหน่งที่รับผิดชอบ (เช่น กองคลัง) ไม่ต้องระบุอีเมลหรือชื่อบุคคล",
                    "Name the unit or role in charge (e.g. กองคลัง, the finance division), not an e-mail address or a person.");
            }
        }
        if (WebUrls.Problem(EvidenceUrl) is { } problem)
        {
            errors.Add(nameof(EvidenceUrl), problem, "The evidence link must be a full http:// or https:// address of at most 2,000 characters.");
        }
        return errors;
    }

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static ImprovementItemForm From(ImprovementItem item) => new()
    {
        Id = item.Id, Section = item.Section, IndicatorCode = item.IndicatorCode, SourceKind = item.SourceKind, SourceCode = item.SourceCode,
        Weakness = item.Weakness, PlannedAction = item.PlannedAction, Owner = item.Owner, Status = item.Status, EvidenceUrl = item.EvidenceUrl,
    };

    /// <summary>Copies the row onto a stored item; true when anything changed.</summary>
    public bool ApplyTo(ImprovementItem item, int sortOrder)
    {
        var before = (item.Section, item.IndicatorCode, item.SourceKind, item.SourceCode, item.Weakness, item.PlannedAction, item.Owner, item.Status, item.EvidenceUrl, item.SortOrder);
        item.Section = Section;
        item.IndicatorCode = IndicatorCode.Trim();
        item.SourceKind = SourceKind;
        item.SourceCode = Clean(SourceCode) ?? IndicatorCode.Trim();
        item.Weakness = Weakness.Trim();
        item.PlannedAction = Clean(PlannedAction);
        item.Owner = Clean(Owner);
        item.Status = Status;
        item.EvidenceUrl = Clean(EvidenceUrl);
        item.SortOrder = sortOrder;
        return before != (item.Section, item.IndicatorCode, item.SourceKind, item.SourceCode, item.Weakness, item.PlannedAction, item.Owner, item.Status, item.EvidenceUrl, item.SortOrder);
    }
}

/// <summary>What the agency fills in on a drafted row: the action, the unit (or role) in charge, how far it got and where to see it.</summary>
public sealed record ImprovementItemChange(string? PlannedAction, string? Owner, ImprovementStatus Status, string? EvidenceUrl);

/// <summary>The Thai words of the report.</summary>
public static class ImprovementWords
{
    public const string UrgentHeading = "ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน";

    public const string ToImproveHeading = "ประเด็นที่ต้องพัฒนาให้ดีขึ้น";

    public static string Heading(ImprovementSection section) => section == ImprovementSection.Urgent ? UrgentHeading : ToImproveHeading;

    public static string Status(ImprovementStatus status) => status switch
    {
        ImprovementStatus.InProgress => "กำลังดำเนินการ",
        ImprovementStatus.Done => "เสร็จแล้ว",
        _ => "ยังไม่เริ่ม",
    };

    public static string Source(WeaknessSource source) => source switch
    {
        WeaknessSource.Question => "ข้อคำถาม",
        WeaknessSource.OitItem => "ข้อ OIT",
        _ => "ตัวชี้วัด",
    };
}
