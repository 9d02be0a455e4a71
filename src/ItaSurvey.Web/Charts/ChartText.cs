using System.Globalization;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Web.Charts;

/// <summary>The words and numbers charts write, shared by the drawing and the spoken description.</summary>
public static class ChartText
{
    public const string WithheldNote = "ไม่แสดงผล (ผู้ตอบน้อยเกินไป)";
    public const string NoDataNote = "ยังไม่มีข้อมูล";
    public const string Projection = "ประมาณการ";

    /// <summary>"78.40".</summary>
    public static string Score(double value) => ScoreRounding.Display(value);

    /// <summary>"85" or "85.5": a threshold as people say it.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"2566": a year, never "2,566".</summary>
    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>"เกณฑ์ 85".</summary>
    public static string Threshold(double threshold) => "เกณฑ์ " + Number(threshold);

    /// <summary>"1,234".</summary>
    public static string Count(long count) => count.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>"45.5%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The same rule as scoring: compare the score as shown (2 decimals) with the thresholds.</summary>
    public static IndicatorStatus Status(double? score, double threshold, double improveBelow) => score switch
    {
        null => IndicatorStatus.NoData,
        { } s when ScoreRounding.Round(s) < (decimal)threshold => IndicatorStatus.Urgent,
        { } s when ScoreRounding.Round(s) < (decimal)improveBelow => IndicatorStatus.ToImprove,
        _ => IndicatorStatus.Good,
    };

    /// <summary>"ต่ำกว่าเกณฑ์ 85", "ผ่านเกณฑ์ 85 ควรพัฒนา", "ผ่านเกณฑ์ 85".</summary>
    public static string StatusPhrase(IndicatorStatus status, double threshold) => status switch
    {
        IndicatorStatus.Urgent => "ต่ำกว่า" + Threshold(threshold),
        IndicatorStatus.ToImprove => "ผ่าน" + Threshold(threshold) + " ควรพัฒนา",
        IndicatorStatus.Good => "ผ่าน" + Threshold(threshold),
        _ => NoDataNote,
    };
}
