namespace ItaSurvey.Web.Charts;

/// <summary>
/// Turns chart data into charts. Stateless and thread-safe: register it once as a singleton.
/// The bundled font is registered with ScottPlot (a process-wide list) on first use, once.
/// </summary>
/// <param name="webFontPath">Where browsers find the web font of the SVG text (wwwroot/fonts).</param>
public sealed class ChartRenderer(string webFontPath = ChartFonts.DefaultWebFontPath)
{
    /// <summary>The narrow layout for a phone's column, or a table cell: text keeps its size, the plot area shrinks.</summary>
    public const int NarrowWidth = 360;

    public RenderedChart Indicators(IndicatorChartData data, int width = ChartStyle.Width)
    {
        ArgumentNullException.ThrowIfNull(data);
        ChartFonts.EnsureRegistered();
        return new RenderedChart(data.Title, ChartDescriptions.Indicators(data), width, IndicatorChart.Height(data),
            () => IndicatorChart.Build(data, compact: width < ChartStyle.Width), webFontPath);
    }

    public RenderedChart Trend(TrendChartData data, int width = ChartStyle.Width)
    {
        ArgumentNullException.ThrowIfNull(data);
        ChartFonts.EnsureRegistered();
        return new RenderedChart(data.Title, ChartDescriptions.Trend(data), width, TrendChart.Height,
            () => TrendChart.Build(width < ChartStyle.Width ? data with { Title = "" } : data), webFontPath);
    }

    /// <summary>Submissions per day with the bursts marked.</summary>
    public RenderedChart Bursts(BurstChartData data, int width = ChartStyle.Width)
    {
        ArgumentNullException.ThrowIfNull(data);
        ChartFonts.EnsureRegistered();
        return new RenderedChart(data.Title, BurstChart.Describe(data), width, BurstChart.Height,
            () => BurstChart.Build(data, compact: width < ChartStyle.Width), webFontPath);
    }

    /// <summary>The chart of a question's answers, or null when they are withheld: show <see cref="DistributionChartData.WithheldMessage"/> instead.</summary>
    public RenderedChart? Distribution(DistributionChartData data, int width = ChartStyle.Width)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Withheld)
        {
            return null;
        }
        ChartFonts.EnsureRegistered();
        return new RenderedChart(data.Title, ChartDescriptions.Distribution(data), width, DistributionChart.Height(data),
            () => DistributionChart.Build(width < ChartStyle.Width ? data with { Title = "" } : data, compact: width < ChartStyle.Width), webFontPath);
    }
}
