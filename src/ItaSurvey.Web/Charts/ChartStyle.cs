using ItaSurvey.Core.Scoring;
using ScottPlot;

namespace ItaSurvey.Web.Charts;

/// <summary>Colours, sizes and the common set-up of every chart.</summary>
internal static class ChartStyle
{
    /// <summary>
    /// The SVG is drawn at this width and scaled by the browser to its container; 15 px text
    /// stays about 9 px on a 390 px phone and is never larger than 15 px on a desktop.
    /// </summary>
    public const int Width = 640;
    public const float FontSize = 15;
    public const float SmallFontSize = 13;

    public static readonly Color Ink = Color.FromHex("#1F2933");
    public static readonly Color Muted = Color.FromHex("#5F6B76");
    public static readonly Color GridLine = Color.FromHex("#E3E7EB");
    public static readonly Color Urgent = Color.FromHex("#C62828");
    public static readonly Color ToImprove = Color.FromHex("#D99A00");
    public static readonly Color Good = Color.FromHex("#2E7D32");
    public static readonly Color Neutral = Color.FromHex("#1F5F8B");
    public static readonly Color[] Series = [Neutral, Color.FromHex("#C25E00"), Color.FromHex("#6A3D9A"), Good, Urgent, Muted];

    public static Color Of(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Urgent => Urgent,
        IndicatorStatus.ToImprove => ToImprove,
        IndicatorStatus.Good => Good,
        _ => Muted,
    };

    public static Plot NewPlot(string title)
    {
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Title(title, FontSize + 2);
        plot.Axes.Color(Ink);
        plot.Grid.MajorLineColor = GridLine;
        plot.Axes.Left.TickLabelStyle.FontSize = FontSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = FontSize;
        plot.Axes.Right.IsVisible = false;
        plot.Axes.Top.FrameLineStyle.IsVisible = false;
        plot.Axes.Right.FrameLineStyle.IsVisible = false;
        plot.Legend.FontSize = SmallFontSize;
        return plot;
    }

    /// <summary>Call last: sets the bundled font on everything the plot holds, the text added so far included.</summary>
    public static Plot Finish(Plot plot)
    {
        plot.Font.Set(ChartFonts.Family);
        foreach (var text in plot.GetPlottables<ScottPlot.Plottables.Text>())
        {
            text.LabelFontName = ChartFonts.Family;
        }
        return plot;
    }

    public static ScottPlot.Plottables.Text Label(Plot plot, string text, double x, double y, Color color, Alignment alignment, float size = SmallFontSize)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = size;
        label.LabelFontColor = color;
        label.LabelAlignment = alignment;
        label.LabelFontName = ChartFonts.Family;
        return label;
    }

    /// <summary>The threshold as a dashed line, and its name "เกณฑ์ 85" written on the chart at <paramref name="labelAt"/>.</summary>
    public static void Threshold(Plot plot, ScottPlot.Plottables.AxisLine line, double threshold, Coordinates labelAt, Alignment alignment)
    {
        line.LineColor = Ink;
        line.LineWidth = 1.5f;
        line.LinePattern = LinePattern.Dashed;
        line.ExcludeFromLegend = true;
        var label = Label(plot, ChartText.Threshold(threshold), labelAt.X, labelAt.Y, Colors.White, alignment);
        label.LabelBackgroundColor = Ink;
        label.LabelPadding = 3;
    }
}
