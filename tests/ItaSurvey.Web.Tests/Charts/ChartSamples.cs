using ItaSurvey.Web.Charts;

namespace ItaSurvey.Web.Tests.Charts;

/// <summary>Chart data shaped like a real round: the seed's weak indicator 3, a withheld EIT indicator, an unanswered one.</summary>
internal static class ChartSamples
{
    public static readonly ChartRenderer Renderer = new();

    public static IndicatorChartData Indicators(string title = "คะแนนรายตัวชี้วัด ITA 2566") => new(title,
    [
        new("1", "การปฏิบัติหน้าที่", 93.55),
        new("2", "การใช้งบประมาณ", 87.72, 85.10, 90.30),
        new("3", "การใช้อำนาจ", 78.4, 74.1, 82.7),
        new("6", "คุณภาพการดำเนินงาน", null, Withheld: true),
        new("9", "การเปิดเผยข้อมูล", 53.99),
        new("10", "การป้องกันการทุจริต", null),
    ]);

    public static TrendChartData Trend(string title = "คะแนน ITA รายปี") => new(title,
    [
        new("ITA", [new(2562, 72.5), new(2563, 75.62), new(2564, 81.45), new(2565, 83.1), new(2566, 86.2)]),
        new("EIT", [new(2564, 86.0), new(2565, 84.2), new(2566, 88.0)], new TrendProjection(2567, 89, 85, 93)),
    ]);

    public static DistributionChartData Distribution(string title = "I13 ท่านได้รับมอบหมายงานจากผู้บังคับบัญชาอย่างเป็นธรรม") =>
        new(title, [new("น้อยที่สุดหรือไม่มีเลย", 2), new("น้อย", 5), new("มาก", 14), new("มากที่สุด", 9)]);
}
