using System.Net;
using AngleSharp.Html.Parser;
using ItaSurvey.Web.PublicIta;
using ItaSurvey.Web.Tests.Sharing;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.PublicIta;

public sealed class PublicItaSharingTests : IAsyncLifetime
{
    private readonly PublicItaWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_QR_codes_decode_to_the_pages_address_on_the_public_host_and_vanish_with_the_page()
    {
        var path = await _world.PathAsync();
        var browser = _world.App.NewBrowser();

        Assert.Equal(SurveyApp.PublicBaseUrl + path, QrDecoding.FromPng(await browser.GetByteArrayAsync(path + "/qr.png?size=256", Cancel)));
        Assert.Equal(SurveyApp.PublicBaseUrl + path, QrDecoding.FromSvg(await browser.GetStringAsync(path + "/qr.svg", Cancel)));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(path + "/qr.png?size=7", Cancel)).StatusCode);

        await _world.SetAsync(false);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path + "/qr.png", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path + "/qr.svg", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData("เทศบาล\"><script>alert(1)</script>")]
    [InlineData("เทศบาล' onerror='alert(1)")]
    [InlineData("เทศบาล</a><img src=x onerror=alert(1)>&amp;")]
    public void The_website_snippet_keeps_a_hostile_agency_name_as_text(string name)
    {
        var url = SurveyApp.PublicBaseUrl + "/ita/ABCDEF/2566";

        var html = PublicItaSnippet.Html(url, name, 2566);

        var body = new HtmlParser().ParseDocument("<body>" + html).Body!;
        var link = Assert.Single(body.Children);
        Assert.Equal("A", link.TagName);
        Assert.Equal(url, link.GetAttribute("href"));
        var image = Assert.Single(body.QuerySelectorAll("img"));
        Assert.Equal(url + "/qr.png?size=256", image.GetAttribute("src"));
        Assert.Equal(["alt", "height", "src", "width"], image.Attributes.Select(a => a.Name).Order());
        Assert.Contains(name, image.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Contains(name, link.TextContent, StringComparison.Ordinal);
        Assert.Empty(body.QuerySelectorAll("script, [onerror]"));
    }

    [Fact]
    public async Task A_client_asking_too_often_gets_429_with_a_Thai_page_and_Retry_After()
    {
        await using var app = new SurveyApp { TestServices = s => s.Configure<PublicItaOptions>(o => o.RequestsPerMinutePerClient = 3) };
        var browser = app.NewBrowser();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await browser.GetAsync("/ita/ABCDEF/2566", Cancel));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.Equal("60", answers[3].Headers.GetValues("Retry-After").Single());
        Assert.Contains("lang=\"th\"", await answers[3].Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
