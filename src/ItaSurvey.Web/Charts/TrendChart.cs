using ScottPlot;

namespace ItaSurvey.Web.Charts;

/// <summary>
/// Scores over fiscal years: a line per series, a tick at each whole year present, the
/// threshold as a dashed line, and a projection drawn hollow at the end of a dashed line,
/// with its interval (cut at 0 and 100), labelled ประมาณการ inside the plot area.
/// </summary>
internal static class TrendChart
{
    public const int Height = 420;

    public static Plot Build(TrendChartData data)
    {
        var plot = ChartStyle.NewPlot(data.Title);
        var single = data.Series.Count == 1;
        for (var i = 0; i < data.Series.Count; i++)
        {
            var series = data.Series[i];
            var color = ChartStyle.Series[i % ChartStyle.Series.Length];
            var points = series.Points.OrderBy(p => p.Year).ToList();
            if (points.Count > 0)
            {
                var line = plot.Add.Scatter(points.Select(p => (double)p.Year).ToArray(), points.Select(p => p.Score).ToArray(), color);
                if (!single)
                {
                    line.LegendText = series.Label;
                }
                line.LineWidth = 2.5f;
                line.MarkerSize = 9;
                if (single)
                {
                    foreach (var point in points)
                    {
                        ChartStyle.Label(plot, ChartText.Score(point.Score), point.Year, point.Score, ChartStyle.Ink, Alignment.LowerCenter).LabelOffsetY = -8;
                    }
                }
            }
            if (series.Projection is { } next)
            {
                Projection(plot, next, points.Count > 0 ? points[^1] : null, color, single);
            }
        }
        if (!data.Series.Any(s => s.Points.Count > 0 || s.Projection is not null))
        {
            ChartStyle.Label(plot, ChartText.NoDataNote, 0.5, 0.5, ChartStyle.Muted, Alignment.MiddleCenter, ChartStyle.FontSize);
            plot.Axes.SetLimits(0, 1, 0, 1);
            plot.Axes.Bottom.TickGenerator = ChartTicks.Generator([]);
            plot.Axes.Left.TickGenerator = ChartTicks.Generator([]);
            return ChartStyle.Finish(plot);
        }

        var years = Years(data).ToList();
        plot.Axes.Bottom.TickGenerator = ChartTicks.Generator(YearTicks(data));
        plot.Axes.Bottom.Label.Text = "ปีงบประมาณ (พ.ศ.)";
        plot.Axes.Bottom.Label.FontSize = ChartStyle.SmallFontSize;
        var (low, high) = ScoreRange(data);
        var step = high - low > 40 ? 10 : 5;
        plot.Axes.Left.TickGenerator = ChartTicks.Generator(ChartTicks.Steps(low, high, step));
        // Room above the highest projection label, which sits over its interval (up to 100): the
        // top of the axis leaves LabelHeight pixels above the label's anchor in the smallest plot area.
        var labelled = data.Series.Select(s => s.Projection).OfType<TrendProjection>().Select(LabelAnchor).DefaultIfEmpty(high).Max();
        var bottom = low - 1;
        var top = Math.Max(high + 3, ((labelled * PlotHeight) - (LabelHeight * bottom)) / (PlotHeight - LabelHeight));
        plot.Axes.SetLimits(years.Min() - 0.5, years.Max() + 0.5, bottom, top);
        if (data.Threshold is { } threshold)
        {
            // Named at the left end, under the line, where the first year's point is rarely that low.
            ChartStyle.Threshold(plot, plot.Add.HorizontalLine(threshold), threshold, new(years.Min() - 0.45, threshold), Alignment.UpperLeft);
        }
        if (data.Series.Count > 1)
        {
            plot.ShowLegend(Edge.Bottom);
        }
        return ChartStyle.Finish(plot);
    }

    /// <summary>The x axis: a tick at each year with a point or a projection, and nowhere else.</summary>
    public static IReadOnlyList<ChartTick> YearTicks(TrendChartData data) => ChartTicks.Years(Years(data));

    /// <summary>Every year that has a point or a projection.</summary>
    public static IEnumerable<int> Years(TrendChartData data) =>
        data.Series.SelectMany(s => s.Points.Select(p => p.Year).Concat(s.Projection is { } next ? [next.Year] : []));

    private static void Projection(Plot plot, TrendProjection next, TrendPoint? last, Color color, bool labelled)
    {
        if (last is not null)
        {
            var link = plot.Add.Line(last.Year, last.Score, next.Year, next.Score);
            link.LineColor = color;
            link.LineWidth = 2;
            link.LinePattern = LinePattern.Dashed;
            link.MarkerSize = 0;
        }
        if (Interval(next) is var (lower, upper))
        {
            var interval = plot.Add.Line(next.Year, lower, next.Year, upper);
            interval.LineColor = color;
            interval.LineWidth = 1.5f;
            interval.MarkerSize = 0;
        }
        var marker = plot.Add.Marker(next.Year, next.Score, MarkerShape.OpenCircle, 11, color);
        marker.MarkerLineWidth = 2;
        // Above the interval and to the left of it: the projection is the last year, whose half-year
        // margin on the right is narrower than the label.
        var text = labelled ? $"{ChartText.Projection} {ChartText.Score(next.Score)}" : ChartText.Projection;
        var label = ChartStyle.Label(plot, text, next.Year, LabelAnchor(next), ChartStyle.Muted, Alignment.LowerRight);
        label.LabelOffsetX = -6;
        label.LabelOffsetY = -8;
    }

    /// <summary>
    /// The prediction interval as drawn: scores run from 0 to 100, so an interval reaching beyond
    /// them is cut there (the description keeps the computed one).
    /// </summary>
    public static (double Lower, double Upper)? Interval(TrendProjection next) =>
        next.Lower is { } lower && next.Upper is { } upper ? (Math.Clamp(lower, 0, 100), Math.Clamp(upper, 0, 100)) : null;

    /// <summary>Where the projection's label stands: on top of its interval, or of its point without one.</summary>
    private static double LabelAnchor(TrendProjection next) => Interval(next)?.Upper ?? Math.Clamp(next.Score, 0, 100);

    /// <summary>The projection label's height with its offset, in pixels (13 px Thai text and 8 px above its anchor).</summary>
    private const double LabelHeight = 30;

    /// <summary>The least height of the plot area, in pixels: the chart's 420 less its title, axis and a legend.</summary>
    private const double PlotHeight = 240;

    /// <summary>From a round ten below the lowest value (or threshold) up to 100.</summary>
    private static (double Low, double High) ScoreRange(TrendChartData data)
    {
        var values = data.Series.SelectMany(s => s.Points.Select(p => p.Score)
                .Concat(s.Projection is { } n ? new[] { n.Score, Interval(n)?.Lower ?? n.Score, Interval(n)?.Upper ?? n.Score } : []))
            .Append(data.Threshold ?? 100)
            .ToList();
        var low = Math.Clamp(Math.Floor((values.Min() - 5) / 10) * 10, 0, 90);
        return (low, 100);
    }
}
