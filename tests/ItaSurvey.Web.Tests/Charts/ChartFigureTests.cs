using AngleSharp.Html.Parser;
using ItaSurvey.Web.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ItaSurvey.Web.Tests.Charts;

public class ChartFigureTests
{
    [Fact]
    public async Task A_figure_holds_the_inline_svg_its_caption_and_the_png_download()
    {
        var chart = ChartSamples.Renderer.Indicators(ChartSamples.Indicators());

        var figure = await RenderAsync(new() { ["Chart"] = chart, ["PngUrl"] = "/admin/rounds/7/charts/indicators.png" });

        var svg = figure.QuerySelector("figure > svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(chart.Title, figure.QuerySelector("figcaption")!.TextContent.Split("ดาวน์โหลด")[0].Trim());
        var link = figure.QuerySelector("figcaption a")!;
        Assert.Equal("ดาวน์โหลดภาพ PNG", link.TextContent);
        Assert.Equal("/admin/rounds/7/charts/indicators.png", link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
    }

    [Fact]
    public async Task Without_a_chart_the_figure_says_why_and_offers_no_download()
    {
        var figure = await RenderAsync(new() { ["Chart"] = null, ["Title"] = "I13", ["Message"] = "ไม่แสดงผล", ["PngUrl"] = "/x.png" });

        Assert.Null(figure.QuerySelector("svg"));
        Assert.Null(figure.QuerySelector("a"));
        Assert.Equal("ไม่แสดงผล", figure.QuerySelector(".chart-message")!.TextContent);
        Assert.Equal("I13", figure.QuerySelector("figcaption")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_png_download_is_named_and_kept_out_of_every_cache()
    {
        var chart = ChartSamples.Renderer.Trend(ChartSamples.Trend());
        var result = ChartPng.Of(chart, "ita 2566/แนวโน้ม");
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();

        await result.ExecuteAsync(context);

        Assert.Equal("ita-2566-แนวโน้ม.png", result.Name);
        Assert.Equal("image/png", context.Response.ContentType);
        Assert.Equal("private, no-store", context.Response.Headers.CacheControl.ToString());
        Assert.StartsWith("attachment; filename=", context.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''ita-2566-", context.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal(result.Bytes, ((MemoryStream)context.Response.Body).ToArray());
        Assert.Equal("chart.png", ChartPng.FileName("../"));
    }

    private static async Task<AngleSharp.Dom.IElement> RenderAsync(Dictionary<string, object?> parameters)
    {
        await using var renderer = new HtmlRenderer(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<ChartFigure>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return new HtmlParser().ParseDocument(html).QuerySelector("figure")!;
    }
}
