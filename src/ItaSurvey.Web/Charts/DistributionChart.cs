using ScottPlot;

namespace ItaSurvey.Web.Charts;

/// <summary>How a question was answered: one horizontal bar per level, its share and count written beside it.</summary>
internal static class DistributionChart
{
    public static int Height(DistributionChartData data) => 110 + 44 * Math.Max(1, data.Levels.Count);

    public static Plot Build(DistributionChartData data, bool compact = false)
    {
        var plot = ChartStyle.NewPlot(data.Title);
        var total = data.Levels.Sum(level => level.Count);
        var count = data.Levels.Count;
        var ticks = new List<ChartTick>();
        for (var i = 0; i < count; i++)
        {
            var level = data.Levels[i];
            double position = count - 1 - i;
            ticks.Add(new ChartTick(position, level.Label));
            var share = total == 0 ? 0 : (double)level.Count / total;
            if (share > 0)
            {
                var bar = plot.Add.Bar(new Bar { Position = position, Value = share * 100, Size = 0.7, FillColor = ChartStyle.Neutral, LineWidth = 0, Orientation = Orientation.Horizontal });
                bar.Horizontal = true;
            }
            ChartStyle.Label(plot, $"{ChartText.Percent(share)} ({ChartText.Count(level.Count)} คน)", share * 100 + 1.5, position, ChartStyle.Ink, Alignment.MiddleLeft, ChartStyle.FontSize);
        }
        plot.Axes.Left.TickGenerator = ChartTicks.Generator(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = ChartTicks.Generator(ChartTicks.Steps(0, 100, compact ? 50 : 20, v => ChartText.Number(v) + "%"));
        plot.Grid.YAxisStyle.MajorLineStyle.IsVisible = false;
        // Room on the right for "100.0% (1,234 คน)".
        plot.Axes.SetLimits(0, compact ? 175 : 130, -0.6, Math.Max(1, count) - 0.4); // room for "80.6% (29 คน)" after the longest bar
        return ChartStyle.Finish(plot);
    }
}
