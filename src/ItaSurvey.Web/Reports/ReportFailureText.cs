using System.Globalization;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Forms;

namespace ItaSurvey.Web.Reports;

/// <summary>
/// The words for a refused change to a report, in Thai (and English for the API): the report page
/// shows <see cref="Errors"/>, the API answers with <see cref="ApiMessage"/>. The service only says
/// which <see cref="ReportFailure"/> it was.
/// </summary>
public static class ReportFailureText
{
    /// <summary>The failure as a form's errors: the fields' own messages when it was invalid, else one message for the whole form (""); none for no failure.</summary>
    public static FormErrors Errors(ReportFailure? failure)
    {
        if (failure is null)
        {
            return FormErrors.None;
        }
        if (failure is ReportFailure.Invalid invalid)
        {
            return invalid.Errors;
        }
        var message = Message(failure);
        return FormErrors.Of("", message.Th, message.En);
    }

    /// <summary>The message for the whole form, as the report page says it.</summary>
    public static LocalizedText Message(ReportFailure failure) => failure switch
    {
        ReportFailure.Denied => FormErrors.Denied.Message("")!,
        ReportFailure.AlreadyDrafted { Meanwhile: false } => new("รอบนี้มีรายงานอยู่แล้ว โหลดหน้าใหม่เพื่อดูฉบับล่าสุด",
            "The round already has an improvement report."),
        ReportFailure.AlreadyDrafted { Meanwhile: true } => new("ผู้ใช้อีกท่านเพิ่งสร้างรายงานของรอบนี้ โหลดหน้าใหม่เพื่อดูฉบับล่าสุด",
            "Another user has just created the round's report."),
        ReportFailure.NoQuestionnaire none => new($"ยังไม่มีแบบประเมินของปีงบประมาณ พ.ศ. {none.FiscalYear} ในระบบ จึงร่างรายงานไม่ได้",
            $"Fiscal year {none.FiscalYear} has no questionnaire set here, so no report can be drafted."),
        ReportFailure.NoReport => new("รอบนี้ยังไม่มีรายงาน กด “สร้างร่างรายงาน” ก่อน", "The round has no improvement report yet: draft it first."),
        ReportFailure.NoRow row => new($"รายงานของรอบ {row.RoundId} ไม่มีแถว {row.ItemId}", $"The report of round {row.RoundId} has no row {row.ItemId}."),
        ReportFailure.TooManyRows many => TooManyRows(many.Max),
        ReportFailure.NoNextRound next => new($"หน่วยงานยังไม่มีรอบการประเมินปีงบประมาณ พ.ศ. {next.FiscalYear} สร้างรอบของปีนั้นก่อน แล้วจึงแนบรายงานเป็นหลักฐาน",
            $"The agency has no round of fiscal year {next.FiscalYear} yet: create it first, then attach the report."),
        ReportFailure.NoMeasuresItem none => new($"แบบตรวจ OIT ของปีงบประมาณ พ.ศ. {none.FiscalYear} ไม่มีข้อ “มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน” จึงแนบรายงานเป็นหลักฐานอัตโนมัติไม่ได้ ให้บันทึกเองที่หน้าแบบตรวจ OIT",
            $"The OIT checklist of fiscal year {none.FiscalYear} has no item on the integrity and transparency measures, so the report cannot be attached automatically; record it on the OIT page."),
        ReportFailure.ItemFull full => new($"ข้อ {full.ItemCode} ของปีถัดไปมี URL ครบ {full.Max} รายการแล้ว ลบ URL ที่ไม่ใช้ที่หน้าแบบตรวจ OIT ก่อน",
            $"Item {full.ItemCode} of the next year has {full.Max} URLs already; remove one on the OIT page first."),
        // The page keeps the user's edits on screen and offers the button this message names.
        ReportFailure.Stale stale => new(
            $"ยังไม่ได้บันทึก: {stale.UpdatedBy} บันทึกรายงานนี้เมื่อ {AdminFormat.Moment(stale.UpdatedAt)} หลังจากที่ท่านเปิดหน้านี้ "
            + "การแก้ไขของท่านยังอยู่บนหน้านี้ คัดลอกข้อความที่ต้องการเก็บไว้ แล้วกด “โหลดฉบับล่าสุด”",
            StaleEnglish(stale)),
        ReportFailure.Invalid invalid => invalid.Errors.Message(invalid.Errors.Fields.First())!,
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "A report failure without words."),
    };

    /// <summary>
    /// The message for the whole change, as the API says it: the page's, except that a stale change
    /// speaks of the version an integrator has to send again rather than of the page.
    /// </summary>
    public static LocalizedText ApiMessage(ReportFailure failure) => failure is ReportFailure.Stale stale
        ? new($"ยังไม่ได้บันทึก: {stale.UpdatedBy} บันทึกรายงานนี้เมื่อ {AdminFormat.Moment(stale.UpdatedAt)} หลังจากฉบับที่การแก้ไขนี้เริ่มจาก "
            + $"อ่านรายงานอีกครั้ง (ฉบับปัจจุบันคือ {stale.Version}) แล้วส่งการแก้ไขใหม่พร้อม version นี้",
            StaleEnglish(stale))
        : Message(failure);

    /// <summary>A report is at most <paramref name="max"/> rows.</summary>
    public static LocalizedText TooManyRows(int max) => new($"รายงานหนึ่งฉบับมีได้ไม่เกิน {max} แถว", $"A report has at most {max} rows.");

    private static string StaleEnglish(ReportFailure.Stale stale) =>
        $"Not saved: {stale.UpdatedBy} saved this report at {stale.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, after the version your change started from. "
        + $"Read the report again (its version is now {stale.Version}) and send the change with that version.";
}
