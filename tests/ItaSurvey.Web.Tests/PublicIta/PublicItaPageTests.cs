using System.Net;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Forms;
using ItaSurvey.Web.PublicIta;

namespace ItaSurvey.Web.Tests.PublicIta;

public sealed class PublicItaPageTests : IAsyncLifetime
{
    private readonly PublicItaWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_round_page_is_off_by_default_and_its_address_answers_404_with_a_Thai_message_once_withdrawn()
    {
        var admin = await _world.AdminAsync();
        var before = await _world.WithAsync<PublicItaAdmin, PublicItaSettings?>(a => a.LoadAsync(admin, _world.Ours.Id, Cancel));
        Assert.False(before!.PublicPage);
        Assert.Null(before.Path); // no address exists before the first publication

        var path = await _world.PathAsync();
        Assert.Equal(HttpStatusCode.OK, (await _world.GetAsync(path)).Response.StatusCode);

        await _world.SetAsync(false);

        var (response, page) = await _world.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("th", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("ไม่พบหน้า ITA นี้", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_address_is_the_agency_code_and_the_year_not_a_database_id_and_stays_the_same_when_published_again()
    {
        var first = await _world.PathAsync();
        await _world.SetAsync(false);
        var again = await _world.PathAsync();

        Assert.Equal(first, again);
        Assert.Matches("^/ita/[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}/2566$", first);
        Assert.DoesNotContain($"/{_world.OurAgencyId}/", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_appear_under_their_indicators_and_sub_indicators_in_the_pinned_versions_order_with_labels_dates_and_missing_ones_marked()
    {
        await _world.RecordAsync(
            ("O1", true, [("https://www.khlongwan.example/ita/2566/o1", "โครงสร้างเทศบาลตำบลคลองวาฬ"), ("https://www.khlongwan.example/org.pdf", null)]),
            ("O11", false, []));
        var (response, page) = await _world.GetAsync(await _world.PathAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("th", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(TwoAgencyWorld.OurName, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("ปีงบประมาณ พ.ศ. 2566", page.Body!.TextContent, StringComparison.Ordinal);
        var year = _world.Year2566;
        var oit = year.Questionnaire("OIT").Questions;
        Assert.Equal(oit.Select(q => q.Code), page.QuerySelectorAll("li.ita-item").Select(li => li.Id));
        foreach (var question in oit)
        {
            var heading = page.GetElementById(question.Code)!.Closest("section.ita-section")!.QuerySelector("h3")!.TextContent;
            Assert.StartsWith($"ตัวชี้วัดย่อยที่ {question.SubIndicator} ", heading, StringComparison.Ordinal);
            Assert.Contains(question.Text.Th, page.GetElementById(question.Code)!.QuerySelector(".ita-title")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(["ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", "ตัวชี้วัดที่ 10 การป้องกันการทุจริต"], page.QuerySelectorAll("section.ita-indicator > h2").Select(h => h.TextContent));

        var o1 = page.GetElementById("O1")!;
        var links = o1.QuerySelectorAll(".ita-links a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("โครงสร้างเทศบาลตำบลคลองวาฬ", "https://www.khlongwan.example/ita/2566/o1"), ("https://www.khlongwan.example/org.pdf", "https://www.khlongwan.example/org.pdf")], links);
        Assert.Equal("2023-05-02", o1.QuerySelector(".ita-updated time")!.GetAttribute("datetime"));
        Assert.Contains("2 พฤษภาคม 2566", o1.QuerySelector(".ita-updated")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("หน่วยงานระบุว่ายังไม่มีข้อมูลนี้", page.GetElementById("O11")!.QuerySelector(".ita-missing")!.TextContent);
        Assert.Equal("ยังไม่มีหลักฐานเผยแพร่", page.GetElementById("O2")!.QuerySelector(".ita-missing")!.TextContent);
        Assert.Null(page.GetElementById("O2")!.QuerySelector(".ita-updated"));
        Assert.Contains("มีหลักฐานแล้ว 1 จาก 43 ข้อ", page.QuerySelector(".ita-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_plain_HTML_without_script_with_the_public_headers_and_a_print_stylesheet()
    {
        var (response, page) = await _world.GetAsync(await _world.PathAsync());

        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("form"));
        Assert.Equal("/ita.css", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        // Served by MapStaticAssets from the build manifest (see ChartFontServingTests); the source holds the print layout.
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ItaSurvey.Web.staticwebassets.endpoints.json")));
        Assert.Contains(manifest.RootElement.GetProperty("Endpoints").EnumerateArray(), e => e.GetProperty("Route").GetString() == "ita.css");
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "src/ItaSurvey.Web/wwwroot/ita.css")))
        {
            folder = folder.Parent!;
        }
        Assert.Contains("@media print", await File.ReadAllTextAsync(Path.Combine(folder.FullName, "src/ItaSurvey.Web/wwwroot/ita.css"), Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "javascript:alert(1)")]
    [InlineData("\"><img src=x onerror=alert(1)>", "data:text/html,<script>alert(1)</script>")]
    public async Task Labels_and_URLs_the_agency_entered_stay_text_and_a_non_web_URL_is_never_a_link(string label, string url)
    {
        await _world.StoreRawAsync("O5", url, label);
        await _world.StoreRawAsync("O6", "https://www.khlongwan.example/a?b=1&c=\"'<x>", label);

        var (_, page) = await _world.GetAsync(await _world.PathAsync());

        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Empty(page.QuerySelectorAll("[onerror]"));
        Assert.Empty(page.GetElementById("O5")!.QuerySelectorAll("a"));
        Assert.Equal(label, page.GetElementById("O5")!.QuerySelector(".ita-links span")!.TextContent);
        var link = Assert.Single(page.GetElementById("O6")!.QuerySelectorAll(".ita-links a"));
        Assert.Equal("https://www.khlongwan.example/a?b=1&c=\"'<x>", link.GetAttribute("href"));
        Assert.Equal(label, link.TextContent);
    }

    [Fact]
    public async Task Unknown_agencies_years_and_malformed_codes_are_not_found_and_a_lower_case_code_is_sent_to_the_page()
    {
        var path = await _world.PathAsync();
        var code = path.Split('/')[2];

        Assert.Equal(HttpStatusCode.NotFound, (await _world.GetAsync("/ita/ZZZZZZ/2566")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _world.GetAsync($"/ita/{code}/2565")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _world.GetAsync($"/ita/{code}/2567")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _world.GetAsync("/ita/<b>/2566")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _world.GetAsync($"/ita/{_world.OurAgencyId}/2566")).Response.StatusCode);
        var lower = await _world.App.NewBrowser().GetAsync($"/ita/{code.ToLowerInvariant()}/2566", Cancel);
        Assert.Equal(HttpStatusCode.MovedPermanently, lower.StatusCode);
        Assert.Equal(path, lower.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Only_an_administrator_of_the_agency_may_switch_the_page_and_every_switch_is_audited()
    {
        var viewer = await _world.PrincipalAsync(Roles.Viewer, _world.OurAgencyId);
        var theirs = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OtherAgencyId);

        foreach (var user in new[] { viewer, theirs })
        {
            var refused = await _world.WithAsync<PublicItaAdmin, Outcome<PublicItaSettings>>(a => a.SetAsync(user, _world.Ours.Id, true, false, Cancel));
            Assert.Equal(Refusal.Denied, refused.Refusal);
        }
        Assert.Empty(await _world.AuditAsync("ita.public"));

        var path = await _world.PathAsync();
        await _world.SetAsync(false);

        var audit = await _world.AuditAsync("ita.public");
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(_world.OurAgencyId, a.AgencyId));
        Assert.Contains(audit, a => a.Details!.Contains($"page public at {path}", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Details!.Contains("page not public", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_other_agencys_rounds_stay_unpublished_and_nothing_of_them_shows()
    {
        var (_, page) = await _world.GetAsync(await _world.PathAsync());

        Assert.DoesNotContain(TwoAgencyWorld.OtherName, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.False(_world.Other.PublicPage);
    }
}
