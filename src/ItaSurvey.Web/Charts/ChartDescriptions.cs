namespace ItaSurvey.Web.Charts;

/// <summary>
/// The data of a chart in Thai words, for screen readers (the SVG's &lt;desc&gt;) and for
/// anyone who cannot see colours: every bar, point and threshold is listed.
/// </summary>
public static class ChartDescriptions
{
    /// <summary>"ตัวชี้วัด 3 การใช้อำนาจ 78.40 คะแนน ต่ำกว่าเกณฑ์ 85; ...".</summary>
    public static string Indicators(IndicatorChartData data) =>
        Join(data.Title, data.Bars.Select(bar => Bar(data, bar)));

    public static string Trend(TrendChartData data)
    {
        var lines = data.Series.Select(series =>
        {
            var points = series.Points.OrderBy(p => p.Year).Select(p => $"พ.ศ. {ChartText.Year(p.Year)} {ChartText.Score(p.Score)} คะแนน");
            if (series.Projection is { } next)
            {
                points = points.Append($"{ChartText.Projection} พ.ศ. {ChartText.Year(next.Year)} {ChartText.Score(next.Score)} คะแนน{Interval(next.Lower, next.Upper)}");
            }
            return $"{series.Label} {string.Join(", ", points)}";
        });
        if (data.Threshold is { } threshold)
        {
            lines = lines.Append("เส้น" + ChartText.Threshold(threshold));
        }
        return Join(data.Title, lines);
    }

    public static string Distribution(DistributionChartData data)
    {
        if (data.Withheld)
        {
            return Join(data.Title, [data.WithheldMessage]);
        }
        var total = data.Levels.Sum(level => level.Count);
        var lines = data.Levels.Select(level =>
            $"{level.Label} {ChartText.Count(level.Count)} คน ({ChartText.Percent(total == 0 ? 0 : (double)level.Count / total)})");
        return Join(data.Title, lines.Append($"รวม {ChartText.Count(total)} คน"));
    }

    private static string Bar(IndicatorChartData data, IndicatorBar bar)
    {
        var name = $"{data.Noun} {bar.Code} {bar.Label}";
        if (bar.Withheld)
        {
            return $"{name} {ChartText.WithheldNote}";
        }
        if (bar.Score is not { } score)
        {
            return $"{name} {ChartText.NoDataNote}";
        }
        var status = ChartText.Status(score, data.Threshold, data.ImproveBelow);
        return $"{name} {ChartText.Score(score)} คะแนน {ChartText.StatusPhrase(status, data.Threshold)}{Interval(bar.Lower, bar.Upper)}";
    }

    private static string Interval(double? lower, double? upper) =>
        lower is { } l && upper is { } u ? $" (ช่วงความเชื่อมั่น {ChartText.Score(l)} ถึง {ChartText.Score(u)})" : "";

    private static string Join(string title, IEnumerable<string> lines) => $"{title}: {string.Join("; ", lines)}";
}
