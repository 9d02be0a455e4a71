using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ItaSurvey.Web.Charts;
using ScottPlot.Plottables;

namespace ItaSurvey.Web.Tests.Charts;

/// <summary>The trend chart's projection: its label and its interval stay inside the plot area, in both layouts.</summary>
public partial class TrendProjectionTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Rising to the top of the scale in the last year: the label has the least room there.</summary>
    private static TrendChartData NearTheTop(bool single) => new("คะแนน ITA รายปี", single
        ? [new("ITA", [new(2564, 95.1), new(2565, 97.3), new(2566, 99.2)], new TrendProjection(2567, 99.9, 96.5, 100))]
        : [
            new("ITA", [new(2562, 72.5), new(2563, 75.62), new(2564, 81.45), new(2565, 83.1), new(2566, 86.2)]),
            new("EIT", [new(2565, 96.0), new(2566, 99.0)], new TrendProjection(2567, 99.5, 97, 100)),
        ]);

    [Theory]
    [InlineData(640, true)]
    [InlineData(ChartRenderer.NarrowWidth, true)]
    [InlineData(640, false)]
    [InlineData(ChartRenderer.NarrowWidth, false)]
    public void The_projection_label_is_drawn_whole_inside_the_plot_area(int width, bool single)
    {
        var svg = XElement.Parse(ChartSamples.Renderer.Trend(NearTheTop(single), width).Svg());

        var label = svg.Descendants(Svg + "text").Single(t => t.Value.Contains(ChartText.Projection, StringComparison.Ordinal));
        var area = PlotArea(svg, label);
        var size = Number(label.Attribute("font-size")?.Value ?? "13");
        var (xs, ys) = (Numbers(label.Attribute("x")!.Value), Numbers(label.Attribute("y")!.Value));
        var (a, b, c, d, e, f) = Transform(label);
        var glyphs = xs.Select((x, i) => (X: (a * x) + (c * ys[Math.Min(i, ys.Count - 1)]) + e, Y: (b * x) + (d * ys[Math.Min(i, ys.Count - 1)]) + f)).ToList();
        var context = $"glyphs at {string.Join(" ", glyphs)} size {size}, plot area {area}: {label}";
        Assert.All(glyphs, g => Assert.True(g.X >= area.Left && g.X + (size * 0.6) <= area.Right, context));
        Assert.All(glyphs, g => Assert.True(g.Y - size >= area.Top && g.Y <= area.Bottom, context));
        if (single)
        {
            Assert.Equal($"{ChartText.Projection} 99.90", label.Value.Trim());
        }
    }

    [Fact]
    public void An_interval_beyond_the_scale_is_drawn_from_0_to_100_within_the_axes()
    {
        var data = new TrendChartData("EIT", [new("EIT", [new(2564, 40), new(2565, 70), new(2566, 99)], new TrendProjection(2567, 100, -12, 131))]);

        using var plot = TrendChart.Build(data);
        plot.GetSvgXml(640, TrendChart.Height); // lays the chart out as the page gets it
        var limits = plot.Axes.GetLimits();
        var interval = plot.GetPlottables<LinePlot>().Single(l => l.Start.X == 2567 && l.End.X == 2567);

        Assert.Equal((0d, 100d), (Math.Min(interval.Start.Y, interval.End.Y), Math.Max(interval.Start.Y, interval.End.Y)));
        Assert.InRange(0, limits.Bottom, limits.Top);
        Assert.InRange(100, limits.Bottom, limits.Top);
    }

    /// <summary>The rectangle the label is clipped to (ScottPlot clips what it plots to the data area), or the whole chart.</summary>
    private static (double Left, double Top, double Right, double Bottom) PlotArea(XElement svg, XElement label)
    {
        var clip = label.AncestorsAndSelf().Select(e => e.Attribute("clip-path")?.Value).FirstOrDefault(v => v is not null);
        if (clip is not null && ClipId().Match(clip) is { Success: true } id
            && svg.Descendants(Svg + "clipPath").SingleOrDefault(c => (string?)c.Attribute("id") == id.Groups[1].Value)?.Descendants(Svg + "rect").FirstOrDefault() is { } rect)
        {
            var (x, y) = (Number(rect.Attribute("x")?.Value ?? "0"), Number(rect.Attribute("y")?.Value ?? "0"));
            return (x, y, x + Number(rect.Attribute("width")!.Value), y + Number(rect.Attribute("height")!.Value));
        }
        var box = Numbers(svg.Attribute("viewBox")!.Value);
        Assert.Fail($"the label is not clipped to a rectangle: {label}");
        return (box[0], box[1], box[2], box[3]);
    }

    /// <summary>Where the text's own coordinates land in the chart: its transform (matrix or translate), identity without one.</summary>
    private static (double A, double B, double C, double D, double E, double F) Transform(XElement text)
    {
        var transform = text.AncestorsAndSelf().Select(e => e.Attribute("transform")?.Value).FirstOrDefault(v => v is not null);
        if (transform is null)
        {
            return (1, 0, 0, 1, 0, 0);
        }
        var n = Numbers(transform);
        return transform.TrimStart().StartsWith("matrix", StringComparison.Ordinal) ? (n[0], n[1], n[2], n[3], n[4], n[5])
            : transform.TrimStart().StartsWith("translate", StringComparison.Ordinal) ? (1, 0, 0, 1, n[0], n.Count > 1 ? n[1] : 0)
            : throw new InvalidOperationException($"unexpected transform {transform}");
    }

    private static List<double> Numbers(string text) => [.. NumberPattern().Matches(text).Select(m => Number(m.Value))];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex ClipId();

    [GeneratedRegex(@"-?\d+(\.\d+)?(e-?\d+)?")]
    private static partial Regex NumberPattern();
}
