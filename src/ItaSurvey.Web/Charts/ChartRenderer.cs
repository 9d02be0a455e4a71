namespace ItaSurvey.Web.Charts;

/// <summary>
/// Turns chart data into charts. Stateless and thread-safe: register it once as a singleton.
/// The bundled font is registered with ScottPlot (a process-wide list) on first use, once.
/// </summary>
/// <param name="webFontPath">Where browsers find the web font of the SVG text (wwwroot/fonts).</param>
public sealed class ChartRenderer(string webFontPath = ChartFonts.DefaultWebFontPath)
{
    public RenderedChart Indicators(IndicatorChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ChartFonts.EnsureRegistered();
        return new RenderedChart(data.Title, ChartDescriptions.Indicators(data), ChartStyle.Width, IndicatorChart.Height(data),
            () => IndicatorChart.Build(data), webFontPath);
    }

    public RenderedChart Trend(TrendChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ChartFonts.EnsureRegistered();
        return new RenderedChart(data.Title, ChartDescriptions.Trend(data), ChartStyle.Width, TrendChart.Height,
            () => TrendChart.Build(data), webFontPath);
    }

    /// <summary>The chart of a question's answers, or null when they are withheld: show <see cref="DistributionChartData.WithheldMessage"/> instead.</summary>
    public RenderedChart? Distribution(DistributionChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Withheld)
        {
            return null;
        }
        ChartFonts.EnsureRegistered();
        return new RenderedChart(data.Title, ChartDescriptions.Distribution(data), ChartStyle.Width, DistributionChart.Height(data),
            () => DistributionChart.Build(data), webFontPath);
    }
}
