using ItaSurvey.Core.Improvement;

namespace ItaSurvey.Web.Reports;

/// <summary>
/// A round's improvement report (มาตรการส่งเสริมคุณธรรมและความโปร่งใส): drafted from the round's
/// scores, then completed by the agency with what it will do, who does it and how far it got.
/// One per round.
/// </summary>
public sealed class ImprovementReport
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    /// <summary>When it was created and by whom (e-mail at the time), UTC.</summary>
    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    /// <summary>
    /// Changes on every save. A save that started from another version is refused, so two
    /// administrators editing at once never silently overwrite each other.
    /// </summary>
    public Guid Version { get; set; }

    public List<ImprovementItem> Items { get; set; } = [];
}

/// <summary>One row: a weakness under an indicator, and the agency's plan for it.</summary>
public sealed class ImprovementItem
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    /// <summary>1 urgent (ต้องแก้ไขโดยเร่งด่วน), 2 to improve (ต้องพัฒนาให้ดีขึ้น).</summary>
    public ImprovementSection Section { get; set; }

    /// <summary>The indicator's stable code ("9").</summary>
    public required string IndicatorCode { get; set; }

    /// <summary>A question, an OIT item or the indicator itself.</summary>
    public WeaknessSource SourceKind { get; set; }

    /// <summary>The question or item code ("I13", "O4"), or the indicator code.</summary>
    public required string SourceCode { get; set; }

    /// <summary>The weakness in Thai (ข้อมูลการประเมิน).</summary>
    public required string Weakness { get; set; }

    /// <summary>แนวทางปฏิบัติเพื่อยกระดับตัวชี้วัด.</summary>
    public string? PlannedAction { get; set; }

    /// <summary>The unit or role in charge (กองคลัง, งานนโยบายและแผน): never a person.</summary>
    public string? Owner { get; set; }

    public ImprovementStatus Status { get; set; }

    /// <summary>Where the result can be seen (http or https only).</summary>
    public string? EvidenceUrl { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>How far a row's action got.</summary>
public enum ImprovementStatus
{
    /// <summary>ยังไม่เริ่ม.</summary>
    NotStarted,

    /// <summary>กำลังดำเนินการ.</summary>
    InProgress,

    /// <summary>เสร็จแล้ว.</summary>
    Done,
}
