namespace ItaSurvey.Web.Surveys;

/// <summary>How the fiscal-year pages word a version's status and origin, in Thai.</summary>
public static class VersionText
{
    public static string Status(SurveyVersionStatus status) => status == SurveyVersionStatus.Published ? "เผยแพร่แล้ว" : "ร่าง";

    /// <summary>"คัดลอกจาก 2566 ฉบับที่ 1", "อัปโหลดไฟล์", "ไฟล์ของระบบ (surveys/)".</summary>
    public static string Origin(VersionSummary version, IEnumerable<VersionSummary> all) => version.Origin switch
    {
        "copy" when all.FirstOrDefault(v => v.Id == version.BasedOnId) is { } from => $"คัดลอกจาก {from.FiscalYear} ฉบับที่ {from.Number}",
        "copy" => "คัดลอกจากฉบับที่ลบไปแล้ว",
        "upload" => "อัปโหลดไฟล์",
        "import" => "นำเข้าจากไฟล์ (คำสั่ง import-year)",
        "library" => "ไฟล์ของระบบ (surveys/)",
        var other => other,
    };

    /// <summary>"2568 ฉบับที่ 2 (ร่าง)": a version in a list to choose from.</summary>
    public static string Choice(VersionSummary version) => $"{version.FiscalYear} ฉบับที่ {version.Number} ({Status(version.Status)})";
}
