using System.Xml.Linq;
using ItaSurvey.Web.Charts;

namespace ItaSurvey.Web.Tests.Charts;

public class ChartSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> Kinds => ["indicators", "trend", "distribution"];

    private static RenderedChart Chart(string kind) => kind switch
    {
        "indicators" => ChartSamples.Renderer.Indicators(ChartSamples.Indicators()),
        "trend" => ChartSamples.Renderer.Trend(ChartSamples.Trend()),
        _ => ChartSamples.Renderer.Distribution(ChartSamples.Distribution())!,
    };

    [Theory, MemberData(nameof(Kinds))]
    public void The_svg_is_well_formed_and_announced_as_an_image_by_its_title_and_description(string kind)
    {
        var svg = XElement.Parse(Chart(kind).Svg("ชื่อแผนภูมิ", "คำบรรยายข้อมูล"));

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        var first = svg.Elements().Take(2).ToList();
        Assert.Equal([Svg + "title", Svg + "desc"], first.Select(e => e.Name));
        Assert.Equal("ชื่อแผนภูมิ", first[0].Value);
        Assert.Equal("คำบรรยายข้อมูล", first[1].Value);
        Assert.Equal($"{(string?)first[0].Attribute("id")} {(string?)first[1].Attribute("id")}", (string?)svg.Attribute("aria-labelledby"));
    }

    /// <summary>
    /// Issue 18 audit: chart titles carry agency names (trends) and the SVG goes into the page as
    /// markup, so a hostile name must stay text in the title and description.
    /// </summary>
    [Theory, MemberData(nameof(Kinds))]
    public void A_hostile_title_and_description_stay_text_inside_the_inline_svg(string kind)
    {
        const string hostile = "แนวโน้ม · \"></title><img src=x onerror=alert(1)><script>alert(2)</script>";

        var markup = Chart(kind).Svg(hostile, hostile + " &amp; <b>");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<!doctype html><html><body>{markup}</body></html>");

        Assert.Empty(page.QuerySelectorAll("img, script, b"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(hostile, page.QuerySelector("svg > title")!.TextContent);
        Assert.Equal(hostile + " &amp; <b>", page.QuerySelector("svg > desc")!.TextContent);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void The_svg_scales_to_its_container_through_a_viewBox(string kind)
    {
        var chart = Chart(kind);
        var svg = XElement.Parse(chart.Svg());

        Assert.Equal($"0 0 {chart.Width} {chart.Height}", (string?)svg.Attribute("viewBox"));
        Assert.Null(svg.Attribute("width"));
        Assert.Null(svg.Attribute("height"));
        Assert.Contains("width:100%", (string?)svg.Attribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_asks_for_the_bundled_web_font_which_the_svg_declares()
    {
        var svg = XElement.Parse(new ChartRenderer("/base/fonts/").Indicators(ChartSamples.Indicators()).Svg());

        var texts = svg.Descendants(Svg + "text").ToList();
        Assert.NotEmpty(texts);
        Assert.All(texts, text => Assert.StartsWith("'ItaSurvey Sans'", (string?)text.Attribute("font-family")));
        var style = svg.Element(Svg + "style")!.Value;
        Assert.Contains("font-family:'ItaSurvey Sans'", style, StringComparison.Ordinal);
        Assert.Contains("url('/base/fonts/itasurveysans-regular.woff2')", style, StringComparison.Ordinal);
        Assert.Contains("url('/base/fonts/itasurveysans-bold.woff2')", style, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_charts_on_one_page_share_no_element_id()
    {
        var first = XElement.Parse(ChartSamples.Renderer.Indicators(ChartSamples.Indicators("ก")).Svg());
        var second = XElement.Parse(ChartSamples.Renderer.Indicators(ChartSamples.Indicators("ข")).Svg());

        var ids = first.Descendants().Concat(second.Descendants()).Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.True(ids.Count > 4);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // Clip paths still point at their own, renamed, definitions.
        var defined = first.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
        var referenced = first.Descendants().Select(e => (string?)e.Attribute("clip-path")).OfType<string>().Select(r => r[5..^1]).ToList();
        Assert.NotEmpty(referenced);
        Assert.All(referenced, id => Assert.Contains(id, defined));
    }

    [Fact]
    public void The_same_chart_gives_the_same_svg()
    {
        var chart = ChartSamples.Renderer.Trend(ChartSamples.Trend());

        Assert.Equal(chart.Svg(), chart.Svg());
    }

    [Fact]
    public void Scores_are_written_with_two_decimals_in_the_svg()
    {
        var texts = XElement.Parse(ChartSamples.Renderer.Indicators(ChartSamples.Indicators()).Svg())
            .Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();

        Assert.Contains("78.40", texts);
        Assert.Contains("93.55", texts);
        Assert.Contains("เกณฑ์ 85", texts);
    }
}
