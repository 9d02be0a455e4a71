using System.Xml.Linq;
using ItaSurvey.Web.Charts;
using SkiaSharp;

namespace ItaSurvey.Web.Tests.Charts;

public class ChartPngTests
{
    [Theory]
    [InlineData(800, 600)]
    [InlineData(390, 700)]
    [InlineData(1280, 900)]
    public void The_png_decodes_to_the_size_asked_for(int width, int height)
    {
        var png = ChartSamples.Renderer.Indicators(ChartSamples.Indicators()).Png(width, height);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
    }

    [Fact]
    public void An_absurd_size_is_refused_with_a_clear_message()
    {
        var chart = ChartSamples.Renderer.Indicators(ChartSamples.Indicators());

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => chart.Png(20_000, 600));
        Assert.Contains("100 to 4000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScottPlot_draws_our_labels_with_the_bundled_font_which_has_every_glyph()
    {
        ChartFonts.EnsureRegistered();
        using var bundled = SKTypeface.FromFile(ChartFonts.RegularFile);
        using var thaiOnly = SKTypeface.FromFile(Path.Combine(AppContext.BaseDirectory, "Fonts", "NotoSansThai-Regular.ttf"));
        using var bundledFont = new SKFont(bundled);
        using var thaiOnlyFont = new SKFont(thaiOnly);

        var resolved = ScottPlot.Fonts.GetTypeface(ChartFonts.Family, bold: false, italic: false);
        Assert.Equal("ItaSurvey Sans", resolved.FamilyName);
        Assert.Equal(bundled.GlyphCount, resolved.GlyphCount);
        Assert.Equal("ItaSurvey Sans", ScottPlot.Fonts.GetTypeface(ChartFonts.Family, bold: true, italic: false).FamilyName);

        // Every text the chart writes, Thai with tone marks and digits alike, has glyphs in the bundled face...
        XNamespace svg = "http://www.w3.org/2000/svg";
        var texts = XElement.Parse(ChartSamples.Renderer.Indicators(ChartSamples.Indicators()).Svg())
            .Descendants(svg + "text").Select(t => t.Value.Trim()).Where(t => t.Length > 0).ToList();
        Assert.Contains("เกณฑ์ 85", texts);
        Assert.All(texts, text => Assert.True(bundledFont.ContainsGlyphs(text), $"no glyph for part of \"{text}\""));
        // ...which is why it is a merged face: Noto Sans Thai alone has no digits.
        Assert.False(thaiOnlyFont.ContainsGlyphs("เกณฑ์ 85"));
    }

    [Fact]
    public void The_thai_labels_are_drawn_not_left_blank()
    {
        var data = new IndicatorChartData("ผลการประเมิน", [new("3", "การใช้อำนาจที่ถูกต้อง", null)]);
        var chart = ChartSamples.Renderer.Indicators(data);
        using var bitmap = SKBitmap.Decode(chart.Png(chart.Width, chart.Height));

        // The row's name is written left of the plot, where nothing else is drawn; and the note "ยังไม่มีข้อมูล" in the plot.
        var rowY = bitmap.Height / 2 - 40;
        Assert.True(DarkPixels(bitmap, new SKRectI(0, rowY - 60, bitmap.Width / 3, rowY + 60)) > 150, "the Thai row label is blank");
        Assert.True(DarkPixels(bitmap, new SKRectI(0, 0, bitmap.Width, 50)) > 150, "the Thai title is blank");
    }

    [Fact]
    public async Task Charts_render_in_parallel_exactly_as_they_do_one_at_a_time()
    {
        var charts = Enumerable.Range(0, 8).Select(i => (i % 3) switch
        {
            0 => ChartSamples.Renderer.Indicators(ChartSamples.Indicators($"ตัวชี้วัด ชุดที่ {i}")),
            1 => ChartSamples.Renderer.Trend(ChartSamples.Trend($"แนวโน้ม ชุดที่ {i}")),
            _ => ChartSamples.Renderer.Distribution(ChartSamples.Distribution($"คำตอบ ชุดที่ {i}"))!,
        }).ToList();
        var expected = charts.Select(c => (Svg: c.Svg(), Png: c.Png(640, 480))).ToList();

        var parallel = await Task.WhenAll(charts.Select(c => Task.Run(() => (Svg: c.Svg(), Png: c.Png(640, 480)), TestContext.Current.CancellationToken)));

        for (var i = 0; i < charts.Count; i++)
        {
            Assert.Equal(expected[i].Svg, parallel[i].Svg);
            Assert.Equal(expected[i].Png, parallel[i].Png);
        }
    }

    private static int DarkPixels(SKBitmap bitmap, SKRectI area)
    {
        var count = 0;
        for (var y = Math.Max(0, area.Top); y < Math.Min(bitmap.Height, area.Bottom); y++)
        {
            for (var x = Math.Max(0, area.Left); x < Math.Min(bitmap.Width, area.Right); x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (pixel.Red + pixel.Green + pixel.Blue < 300)
                {
                    count++;
                }
            }
        }
        return count;
    }
}
