namespace ItaSurvey.Web.Charts;

/// <summary>
/// One bar of an indicator chart. <paramref name="Code"/> is shown as written ("3", "IIT");
/// a withheld bar (too few respondents) or one without a score is drawn as a gap with a note, never as 0.
/// <paramref name="Lower"/> and <paramref name="Upper"/> are an optional confidence interval.
/// </summary>
public sealed record IndicatorBar(string Code, string Label, double? Score, double? Lower = null, double? Upper = null, bool Withheld = false);

/// <summary>
/// Scores of indicators (or instruments) against the pass mark. A bar below <paramref name="Threshold"/>
/// is urgent, one below <paramref name="ImproveBelow"/> is to improve, the rest are good — the same rule
/// as the year's configuration (UrgentBelow, ImproveBelow), so pass those in.
/// <paramref name="Noun"/> names a bar in the spoken description ("ตัวชี้วัด 3 ...").
/// </summary>
public sealed record IndicatorChartData(
    string Title,
    IReadOnlyList<IndicatorBar> Bars,
    double Threshold = 85,
    double ImproveBelow = 90,
    string Noun = "ตัวชี้วัด");

/// <summary>A score in a fiscal year (Buddhist Era, e.g. 2566).</summary>
public sealed record TrendPoint(int Year, double Score);

/// <summary>An estimate for a coming year, drawn hollow and dashed and labelled ประมาณการ.</summary>
public sealed record TrendProjection(int Year, double Score, double? Lower = null, double? Upper = null);

/// <summary>One line of a trend chart: e.g. the ITA total, or one instrument.</summary>
public sealed record TrendSeries(string Label, IReadOnlyList<TrendPoint> Points, TrendProjection? Projection = null);

/// <summary>Scores over fiscal years; the x axis shows only the whole years present.</summary>
public sealed record TrendChartData(string Title, IReadOnlyList<TrendSeries> Series, double? Threshold = 85);

/// <summary>How many respondents chose one answer level.</summary>
public sealed record AnswerLevelCount(string Label, long Count);

/// <summary>
/// The answers to one question. When <paramref name="Withheld"/> (fewer respondents than the
/// privacy rule allows) there is no chart at all: <paramref name="WithheldMessage"/> is shown instead.
/// </summary>
public sealed record DistributionChartData(
    string Title,
    IReadOnlyList<AnswerLevelCount> Levels,
    bool Withheld = false,
    string WithheldMessage = "ไม่แสดงผล เพราะจำนวนผู้ตอบน้อยกว่าเกณฑ์ขั้นต่ำที่ปกป้องความเป็นส่วนตัว");
