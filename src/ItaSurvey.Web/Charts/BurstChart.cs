using System.Globalization;
using ScottPlot;

namespace ItaSurvey.Web.Charts;

/// <summary>One day of a burst timeline: submissions (null when fewer than k, not drawn) and how many of them came in bursts.</summary>
public sealed record BurstChartDay(DateOnly Day, int? Submissions, int InBursts);

/// <summary>Submissions per day with the part that came in bursts, for the quality panel.</summary>
public sealed record BurstChartData(string Title, IReadOnlyList<BurstChartDay> Days, int MinimumResponses);

/// <summary>One bar per day with submissions: the part in bursts red on top of the rest.</summary>
internal static class BurstChart
{
    public const int Height = 320;

    private static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");

    /// <summary>"2 พ.ค. 2566": Buddhist Era, day and short month.</summary>
    public static string Day(DateOnly day) => $"{day.Day} {Thai.DateTimeFormat.GetAbbreviatedMonthName(day.Month)} {ChartText.Year(day.Year + 543)}";

    public static Plot Build(BurstChartData data, bool compact = false)
    {
        var plot = ChartStyle.NewPlot(compact ? "" : data.Title);
        if (data.Days.Count == 0)
        {
            return ChartStyle.Finish(plot);
        }
        var first = data.Days[0].Day;
        var top = 1;
        foreach (var day in data.Days)
        {
            if (day.Submissions is not { } count)
            {
                continue;
            }
            double x = day.Day.DayNumber - first.DayNumber;
            var calm = count - day.InBursts;
            if (calm > 0)
            {
                plot.Add.Bar(new Bar { Position = x, ValueBase = 0, Value = calm, Size = 0.8, FillColor = ChartStyle.Neutral, LineWidth = 0 });
            }
            if (day.InBursts > 0)
            {
                plot.Add.Bar(new Bar { Position = x, ValueBase = calm, Value = count, Size = 0.8, FillColor = ChartStyle.Urgent, LineWidth = 0 });
                ChartStyle.Label(plot, "ช่วงพุ่งสูง", x, count, ChartStyle.Urgent, Alignment.LowerCenter);
            }
            top = Math.Max(top, count);
        }
        var last = data.Days[^1].Day.DayNumber - first.DayNumber;
        var marked = data.Days.Where(d => d.InBursts > 0).Select(d => d.Day).Append(data.Days[0].Day).Append(data.Days[^1].Day).Distinct();
        plot.Axes.Bottom.TickGenerator = ChartTicks.Generator(marked.Select(d => new ChartTick(d.DayNumber - first.DayNumber, Day(d))));
        plot.Axes.Left.TickGenerator = ChartTicks.Generator(ChartTicks.Steps(0, top, Math.Max(1, Math.Ceiling(top / 4.0)), v => ChartText.Count((long)v)));
        plot.YLabel("คำตอบต่อวัน", ChartStyle.SmallFontSize);
        plot.Axes.SetLimits(-1, last + 1, 0, top * 1.2);
        return ChartStyle.Finish(plot);
    }

    /// <summary>Every day's count in words, bursts named, withheld days said so.</summary>
    public static string Describe(BurstChartData data) =>
        $"{data.Title}: " + (data.Days.Count == 0 ? "ยังไม่มีคำตอบ" : string.Join("; ", data.Days.Select(d =>
            d.Submissions is not { } count
                ? $"{Day(d.Day)} น้อยกว่า {data.MinimumResponses} คำตอบ"
                : $"{Day(d.Day)} {ChartText.Count(count)} คำตอบ" + (d.InBursts > 0 ? $" ในช่วงพุ่งสูง {ChartText.Count(d.InBursts)} คำตอบ" : ""))));
}
