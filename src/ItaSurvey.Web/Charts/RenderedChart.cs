using ScottPlot;

namespace ItaSurvey.Web.Charts;

/// <summary>
/// A chart ready to be written as SVG (for the page) or PNG (for download). Each call draws a
/// fresh plot, so one instance may be used from several threads.
/// </summary>
public sealed class RenderedChart
{
    private readonly Func<Plot> _build;
    private readonly string _webFontPath;

    internal RenderedChart(string title, string description, int width, int height, Func<Plot> build, string webFontPath)
    {
        Title = title;
        Description = description;
        Width = width;
        Height = height;
        _build = build;
        _webFontPath = webFontPath;
    }

    public string Title { get; }

    /// <summary>The data in Thai words, for screen readers (see <see cref="ChartDescriptions"/>).</summary>
    public string Description { get; }

    /// <summary>The size the chart is laid out at; the SVG's viewBox, and the PNG's default.</summary>
    public int Width { get; }

    public int Height { get; }

    /// <summary>An accessible SVG with the chart's own title and description.</summary>
    public string Svg() => Svg(Title, Description);

    /// <summary>
    /// An &lt;svg&gt; element to put inline in a page: role="img", &lt;title&gt; and &lt;desc&gt; first and named by
    /// aria-labelledby, a viewBox so it scales to its container, and the web font declared.
    /// </summary>
    public string Svg(string title, string description)
    {
        using var plot = _build();
        return ChartSvg.Accessible(plot.GetSvgXml(Width, Height), title, description, Width, Height, _webFontPath);
    }

    /// <summary>PNG bytes of exactly <paramref name="width"/> × <paramref name="height"/> pixels; text scales with the width.</summary>
    public byte[] Png(int width, int height)
    {
        if (width is < 100 or > 4000 || height is < 100 or > 4000)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A chart image is 100 to 4000 pixels a side, not {width} × {height}.");
        }
        using var plot = _build();
        plot.ScaleFactor = (double)width / Width;
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>PNG bytes at twice the laid-out size, sharp on high-density screens and in print.</summary>
    public byte[] Png() => Png(Width * 2, Height * 2);
}
