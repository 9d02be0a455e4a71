using ItaSurvey.Core.Model;
using ItaSurvey.Web.Oit;

namespace ItaSurvey.Web.Demo;

/// <summary>The demo municipality's OIT checklist: every item of the year with a URL on its (fictional) site and a Thai explanation.</summary>
public static class DemoOit
{
    /// <summary>
    /// The reserved .example domain (RFC 2606): the background link check of a demo install
    /// never knocks on a real municipality's server, and records these links as DNS errors.
    /// </summary>
    public const string Site = "https://www.khlongwan.example";

    /// <summary>
    /// What the seed report says was done in 2566 about each item missing in 2565, under the
    /// item's 2566 number (2565 O11 and O19 became 2566 O12; O18 became O11; O20 became O13...).
    /// </summary>
    private static readonly Dictionary<string, string> FixedIn2566 = new(StringComparer.Ordinal)
    {
        ["O4"] = "งานนโยบายและแผนได้ดำเนินการอัปเดตข้อมูลบนเว็บไซต์หลักของหน่วยงานครบถ้วนตามตัวชี้วัดแล้ว",
        ["O11"] = "คณะกรรมการได้ประสานกองคลังเพื่อนำแผนการใช้จ่ายงบประมาณประจำปีลงเว็บไซต์หน่วยงานแล้ว",
        ["O12"] = "คณะกรรมการได้ประสานงานนโยบายและแผนและกองคลังเพื่อนำรายงานการกำกับติดตามรอบ 6 เดือนลงเว็บไซต์หน่วยงานแล้ว",
        ["O13"] = "คณะกรรมการได้ประสานกองคลังเพื่อนำรายงานผลการใช้จ่ายงบประมาณประจำปีลงเว็บไซต์หน่วยงานแล้ว",
        ["O16"] = "คณะกรรมการได้จัดทำข้อมูลเชิงสถิติการให้บริการนำลงเว็บไซต์หน่วยงานแล้ว",
        ["O17"] = "คณะกรรมการได้จัดทำรายงานผลการสำรวจความพึงพอใจการให้บริการและนำลงเว็บไซต์หน่วยงานแล้ว",
        ["O18"] = "เทศบาลตำบลคลองวาฬได้ประสานผู้ดูแลเว็บไซต์เพื่อดำเนินการเพิ่ม E-Service บนเว็บไซต์หน่วยงานแล้ว",
        ["O21"] = "คณะกรรมการได้ประสานกองคลังสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือนนำลงเว็บไซต์หน่วยงานแล้ว",
        ["O22"] = "คณะกรรมการได้ประสานกองคลังรายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปีนำลงเว็บไซต์หน่วยงานแล้ว",
        ["O26"] = "ปัจจุบันได้มีการอัปเดตข้อมูลรายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปีครบถ้วนตามตัวชี้วัดแล้ว",
        ["O27"] = "ปัจจุบันได้มีการอัปเดตข้อมูลแนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบครบถ้วนตามตัวชี้วัดแล้ว",
        ["O28"] = "คณะกรรมการได้จัดทำช่องทางสำหรับบุคคลภายนอกสามารถแจ้งเรื่องร้องเรียนเกี่ยวกับการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ของหน่วยงานผ่านทางเว็บไซต์หน่วยงานแล้ว",
        ["O29"] = "คณะกรรมการได้ประสานงานนิติการสรุปข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบแสดงบนเว็บไซต์หน่วยงานแล้ว",
    };

    public static IEnumerable<OitEvidence> For(int roundId, Questionnaire oit, DemoYear year) =>
        oit.Questions.Select((item, index) => year.MissingOit.Contains(item.Code)
            ? new OitEvidence
            {
                RoundId = roundId, ItemCode = item.Code, Present = false,
                Explanation = $"ยังไม่ได้เผยแพร่{item.Text.Th}บนเว็บไซต์ของหน่วยงาน",
                UpdatedAt = UpdatedOn(year, index),
            }
            : new OitEvidence
            {
                RoundId = roundId, ItemCode = item.Code, Present = true,
                Explanation = year.FiscalYear == 2566 && FixedIn2566.TryGetValue(item.Code, out var done)
                    ? done
                    : $"เผยแพร่{item.Text.Th} ประจำปีงบประมาณ พ.ศ. {year.FiscalYear} บนเว็บไซต์หลักของเทศบาลตำบลคลองวาฬ หัวข้อ ITA",
                Urls = [new OitEvidenceUrl { Url = $"{Site}/ita/{year.FiscalYear}/{item.Code.ToLowerInvariant()}", Label = item.Text.Th }],
                UpdatedAt = UpdatedOn(year, index),
            });

    /// <summary>
    /// When the demo agency last changed an item: spread over February and March of the fiscal year
    /// (Common Era year = Buddhist Era − 543), before its round opens in April, as agencies do.
    /// </summary>
    private static DateTime UpdatedOn(DemoYear year, int index) =>
        new DateTime(year.FiscalYear - 543, 2, 1, 3, 0, 0, DateTimeKind.Utc).AddDays(index);
}
