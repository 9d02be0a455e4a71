using ItaSurvey.Core.Scoring;
using ScottPlot;

namespace ItaSurvey.Web.Charts;

/// <summary>
/// Horizontal bars (long Thai names read best on the left, also on a phone), 0–100, a dashed
/// line at the threshold, bars coloured by status and labelled with the score; a withheld or
/// missing score leaves a gap with a note instead of a bar at 0.
/// </summary>
internal static class IndicatorChart
{
    private const double MaxScore = 100;

    public static int Height(IndicatorChartData data) => 150 + 44 * Math.Max(1, data.Bars.Count);

    /// <param name="data">The bars.</param>
    /// <param name="compact">The narrow layout: no drawn title (the caption has it), ticks every 50, more room for the scores, the legend stacked.</param>
    public static Plot Build(IndicatorChartData data, bool compact = false)
    {
        var plot = ChartStyle.NewPlot(compact ? "" : data.Title);
        var count = data.Bars.Count;
        var ticks = new List<ChartTick>();
        for (var i = 0; i < count; i++)
        {
            var bar = data.Bars[i];
            double position = count - 1 - i; // first bar on top
            ticks.Add(new ChartTick(position, $"{bar.Code} {bar.Label}"));
            if (bar.Withheld || bar.Score is null)
            {
                ChartStyle.Label(plot, bar.Withheld ? ChartText.WithheldNote : ChartText.NoDataNote, 1, position, ChartStyle.Muted, Alignment.MiddleLeft);
                continue;
            }
            var score = Math.Clamp(bar.Score.Value, 0, MaxScore);
            var color = ChartStyle.Of(ChartText.Status(score, data.Threshold, data.ImproveBelow));
            var drawn = plot.Add.Bar(new Bar
            {
                Position = position,
                Value = score,
                Size = 0.7,
                FillColor = color,
                LineWidth = 0,
                Orientation = Orientation.Horizontal,
            });
            drawn.Horizontal = true;
            var end = score;
            if (bar.Lower is { } lower && bar.Upper is { } upper)
            {
                Interval(plot, position, Math.Clamp(lower, 0, MaxScore), Math.Clamp(upper, 0, MaxScore));
                end = Math.Max(end, Math.Clamp(upper, 0, MaxScore));
            }
            ChartStyle.Label(plot, ChartText.Score(bar.Score.Value), end + 1.5, position, ChartStyle.Ink, Alignment.MiddleLeft, ChartStyle.FontSize);
        }

        // The threshold's name sits in a free row above the first bar.
        var top = Math.Max(1, count) - 0.4 + 0.6;
        ChartStyle.Threshold(plot, plot.Add.VerticalLine(data.Threshold), data.Threshold, new(data.Threshold, top - 0.3), Alignment.MiddleCenter);

        plot.Axes.Left.TickGenerator = ChartTicks.Generator(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = ChartTicks.Generator(ChartTicks.Steps(0, MaxScore, compact ? 50 : 20));
        plot.Axes.Bottom.Label.Text = "คะแนน";
        plot.Axes.Bottom.Label.FontSize = ChartStyle.SmallFontSize;
        plot.Grid.YAxisStyle.MajorLineStyle.IsVisible = false;
        // Room on the right for the score written after the longest bar.
        plot.Axes.SetLimits(0, MaxScore + (compact ? 40 : 16), -0.6, top);

        Legend(plot, data, compact);
        return ChartStyle.Finish(plot);
    }

    private static void Interval(Plot plot, double position, double lower, double upper)
    {
        foreach (var line in new[]
        {
            plot.Add.Line(lower, position, upper, position),
            plot.Add.Line(lower, position - 0.15, lower, position + 0.15),
            plot.Add.Line(upper, position - 0.15, upper, position + 0.15),
        })
        {
            line.LineColor = ChartStyle.Ink;
            line.LineWidth = 1.5f;
            line.MarkerSize = 0;
        }
    }

    private static void Legend(Plot plot, IndicatorChartData data, bool compact)
    {
        string Band(IndicatorStatus status) => compact ? status switch
        {
            IndicatorStatus.Urgent => $"< {ChartText.Number(data.Threshold)} เร่งด่วน",
            IndicatorStatus.ToImprove => $"{ChartText.Number(data.Threshold)}–{ChartText.Number(data.ImproveBelow)} ควรพัฒนา",
            _ => $"≥ {ChartText.Number(data.ImproveBelow)} ดี",
        } : status switch
        {
            IndicatorStatus.Urgent => $"ต่ำกว่า {ChartText.Number(data.Threshold)} เร่งด่วน",
            IndicatorStatus.ToImprove => $"{ChartText.Number(data.Threshold)} ถึงต่ำกว่า {ChartText.Number(data.ImproveBelow)} ควรพัฒนา",
            _ => $"{ChartText.Number(data.ImproveBelow)} ขึ้นไป ดี",
        };
        var statuses = data.ImproveBelow > data.Threshold
            ? new[] { IndicatorStatus.Urgent, IndicatorStatus.ToImprove, IndicatorStatus.Good }
            : [IndicatorStatus.Urgent, IndicatorStatus.Good];
        foreach (var status in statuses)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Band(status), LabelFontName = ChartFonts.Family, LabelFontSize = ChartStyle.SmallFontSize, FillColor = ChartStyle.Of(status) });
        }
        plot.ShowLegend(Edge.Bottom);
        if (compact)
        {
            plot.Legend.Orientation = Orientation.Vertical;
        }
    }
}
