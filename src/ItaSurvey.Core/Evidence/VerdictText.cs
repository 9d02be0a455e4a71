namespace ItaSurvey.Core.Evidence;

/// <summary>The Thai names of the verdicts, as the ITA checklist pages show them.</summary>
public static class VerdictText
{
    /// <summary>ดูเหมือนถูกต้อง, ตรวจสอบปี, ตรวจสอบเนื้อหา, ลิงก์เสีย or อ่านไม่ได้.</summary>
    public static string Thai(EvidenceVerdict verdict) => verdict switch
    {
        EvidenceVerdict.LooksRight => "ดูเหมือนถูกต้อง",
        EvidenceVerdict.CheckYear => "ตรวจสอบปี",
        EvidenceVerdict.CheckContent => "ตรวจสอบเนื้อหา",
        EvidenceVerdict.Broken => "ลิงก์เสีย",
        _ => "อ่านไม่ได้",
    };

    /// <summary>True for a verdict that needs the administrator to look (anything but <see cref="EvidenceVerdict.LooksRight"/>).</summary>
    public static bool IsDoubtful(EvidenceVerdict verdict) => verdict != EvidenceVerdict.LooksRight;
}
