using System.Globalization;
using ItaSurvey.Web.Rounds;

namespace ItaSurvey.Web.Formatting;

/// <summary>How the admin pages write dates, times and modes: Thai time, Buddhist Era years.</summary>
public static class AdminFormat
{
    private static readonly TimeSpan ThaiOffset = TimeSpan.FromHours(7);

    private static readonly DateTimeFormatInfo Thai = CultureInfo.GetCultureInfo("th-TH").DateTimeFormat;

    /// <summary>"30 กันยายน 2566".</summary>
    public static string Date(DateOnly date) => ThaiCalendar.Format(date, english: false);

    /// <summary>A UTC moment in Thai time: "2 พ.ค. 2566 10:05 น.".</summary>
    public static string Moment(DateTime utc)
    {
        var thai = DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(ThaiOffset);
        return $"{thai.Day} {Thai.GetAbbreviatedMonthName(thai.Month)} {thai.Year + 543} {thai.ToString("HH:mm", CultureInfo.InvariantCulture)} น.";
    }

    /// <summary>A date a browser date input shows in the Common Era, written in the Buddhist Era beside it.</summary>
    public static string BesideInput(DateOnly? date) => date is { } d ? "พ.ศ.: " + Date(d) : "";

    public static string Mode(IitMode mode) => mode == IitMode.SingleUseCodes ? "รหัสใช้ครั้งเดียว" : "ลิงก์เปิด";

    /// <summary>Where a round stands on a Thai date: not yet open, open, or closed.</summary>
    public static (string Text, string Tone) RoundState(DateOnly opensOn, DateOnly closesOn, DateOnly today) =>
        today < opensOn ? ("ยังไม่เปิด", "pending") : today > closesOn ? ("ปิดรับแล้ว", "closed") : ("เปิดรับคำตอบ", "ok");

    /// <summary>Where an indicator stands, in a word that fits a phone's table column (the section explains the terms).</summary>
    public static string IndicatorStatus(ItaSurvey.Core.Scoring.IndicatorStatus status) => status switch
    {
        ItaSurvey.Core.Scoring.IndicatorStatus.Urgent => "เร่งด่วน",
        ItaSurvey.Core.Scoring.IndicatorStatus.ToImprove => "ควรพัฒนา",
        ItaSurvey.Core.Scoring.IndicatorStatus.Good => "ดี",
        _ => "ไม่มีข้อมูล",
    };

    /// <summary>The Thai name of an audit action; unknown actions show as they are stored.</summary>
    public static string Action(string action) => action switch
    {
        "account.login" => "เข้าสู่ระบบ",
        "account.lockout" => "บัญชีถูกล็อกจากรหัสผ่านผิด",
        "agency.create" => "เพิ่มหน่วยงาน",
        "agency.update" => "แก้ไขหน่วยงาน",
        "round.create" => "สร้างรอบการประเมิน",
        "round.update" => "แก้ไขรอบการประเมิน",
        "codes.generate" => "สร้างรหัสใช้ครั้งเดียว",
        "oit.update" => "บันทึกหลักฐาน OIT",
        "user.create" => "เพิ่มผู้ใช้",
        "user.update" => "แก้ไขผู้ใช้",
        "token.create" => "สร้างโทเคน API",
        "token.revoke" => "เพิกถอนโทเคน API",
        "report.create" => "สร้างร่างรายงานการพัฒนา",
        "report.update" => "แก้ไขรายงานการพัฒนา",
        "report.redraft" => "เพิ่มประเด็นใหม่ในรายงานการพัฒนา",
        "report.attach" => "แนบรายงานการพัฒนาเป็นหลักฐาน OIT ของปีถัดไป",
        "ita.public" => "ตั้งค่าหน้า ITA สาธารณะ",
        "export.responses" => "ส่งออกคำตอบ",
        "export.results" => "ส่งออกผลคะแนน",
        _ => action,
    };

    /// <summary>A URL cut after each "/" so a narrow screen wraps it there rather than inside the code.</summary>
    public static IEnumerable<string> UrlParts(string url)
    {
        var start = 0;
        for (var i = url.IndexOf('/', StringComparison.Ordinal); i >= 0; i = url.IndexOf('/', i + 1))
        {
            if (i > 0 && url[i - 1] != '/' && i + 1 < url.Length && url[i + 1] != '/')
            {
                yield return url[start..(i + 1)];
                start = i + 1;
            }
        }
        yield return url[start..];
    }

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
