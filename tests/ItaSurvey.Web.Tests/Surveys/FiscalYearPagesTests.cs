using System.Net;
using AngleSharp.Html.Parser;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Surveys;
using ItaSurvey.Web.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Surveys;

/// <summary>The fiscal-year pages as they are first sent (prerendered): who may see them and what they show.</summary>
public class FiscalYearPagesTests : IAsyncLifetime
{
    private readonly AdminWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private SurveyVersions Versions => _world.App.Services.GetRequiredService<SurveyVersions>();

    private async Task<VersionSummary> PublishedAsync(int year) =>
        (await Versions.ListAsync(Cancel)).Single(v => v.FiscalYear == year && v.Newest);

    [Theory]
    [InlineData(Roles.AgencyAdmin, "/admin/years")]
    [InlineData(Roles.AgencyAdmin, "/admin/years/{id}")]
    [InlineData(Roles.Viewer, "/admin/years")]
    [InlineData(Roles.Viewer, "/admin/years/{id}")]
    public async Task Only_system_admins_see_the_fiscal_years(string role, string path)
    {
        var browser = await _world.BrowserAsync(role);
        var url = path.Replace("{id}", (await PublishedAsync(2566)).Id.ToString());

        var response = await browser.GetAsync(url, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_every_year_newest_first_with_its_versions_and_a_banner_on_the_provisional_ones()
    {
        var browser = await _world.BrowserAsync(Roles.SystemAdmin);

        var html = await browser.GetStringAsync("/admin/years", Cancel);
        var main = new HtmlParser().ParseDocument(html).QuerySelector("main")!;

        var years = main.QuerySelectorAll("section.fiscal-year h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["ปีงบประมาณ พ.ศ. 2568", "ปีงบประมาณ พ.ศ. 2567", "ปีงบประมาณ พ.ศ. 2566", "ปีงบประมาณ พ.ศ. 2565", "ปีงบประมาณ พ.ศ. 2564"], years);
        foreach (var year in main.QuerySelectorAll("section.fiscal-year").Where(s => s.QuerySelector("h2")!.TextContent.Contains("256", StringComparison.Ordinal)))
        {
            Assert.Contains("ฉบับล่าสุดที่เผยแพร่", year.TextContent, StringComparison.Ordinal);
            Assert.Contains("เผยแพร่แล้ว", year.TextContent, StringComparison.Ordinal);
            Assert.Contains("ไฟล์ของระบบ (surveys/)", year.TextContent, StringComparison.Ordinal);
        }
        foreach (var provisional in new[] { "2567", "2568" })
        {
            var section = main.QuerySelectorAll("section.fiscal-year").Single(s => s.QuerySelector("h2")!.TextContent.Contains(provisional, StringComparison.Ordinal));
            var banner = section.QuerySelector(".provisional-banner");
            Assert.NotNull(banner);
            Assert.Contains("ยังไม่ยืนยัน", banner.TextContent, StringComparison.Ordinal);
            Assert.Contains("model.json", banner.TextContent, StringComparison.Ordinal); // the notes themselves are shown
        }
        Assert.Contains("ปีงบประมาณใหม่", main.TextContent, StringComparison.Ordinal);
        Assert.NotNull(main.QuerySelector("#copy-from"));
        Assert.NotNull(main.QuerySelector("input[type=file][multiple]"));
    }

    [Fact]
    public async Task A_published_version_is_shown_read_only_with_a_way_to_make_a_new_version()
    {
        var browser = await _world.BrowserAsync(Roles.SystemAdmin);
        var version = await PublishedAsync(2568);

        var main = new HtmlParser().ParseDocument(await browser.GetStringAsync($"/admin/years/{version.Id}", Cancel)).QuerySelector("main")!;

        Assert.Contains("เผยแพร่แล้ว", main.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("สร้างฉบับแก้ไขจากฉบับนี้", main.TextContent, StringComparison.Ordinal);
        Assert.NotNull(main.QuerySelector(".provisional-banner"));
        Assert.Empty(main.QuerySelectorAll("input, textarea, select")); // nothing to type into
        Assert.DoesNotContain(main.QuerySelectorAll("button"), b => b.TextContent.Trim() is "เผยแพร่" or "ลบร่าง" or "ลบ");
        Assert.NotNull(main.QuerySelector("#model\\.json\\$\\.fiscalYear")); // the content, structured
        Assert.Contains("2568", main.QuerySelector("#model\\.json\\$\\.fiscalYear")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(main.QuerySelector($"a[href='/admin/years/{version.Id}/changes']"));
        Assert.NotNull(main.QuerySelector($"a[href='/admin/years/{version.Id}/preview']"));
        Assert.NotNull(main.QuerySelector($"a[href='/admin/years/{version.Id}/impact']"));
    }

    [Fact]
    public async Task A_copy_for_a_new_year_opens_as_a_draft_to_edit()
    {
        var admin = await _world.PrincipalAsync(Roles.SystemAdmin);
        var copied = await Versions.CopyAsync(admin, (await PublishedAsync(2566)).Id, 2570, Cancel);
        var browser = await _world.BrowserAsync(Roles.SystemAdmin);

        var main = new HtmlParser().ParseDocument(await browser.GetStringAsync($"/admin/years/{copied.Value}", Cancel)).QuerySelector("main")!;
        var list = await browser.GetStringAsync("/admin/years", Cancel);

        Assert.True(copied.Succeeded);
        Assert.Contains("ปีงบประมาณ พ.ศ. 2570 ฉบับที่ 1", main.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ร่าง", main.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("คัดลอกจาก", main.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2570", main.QuerySelector("#model\\.json\\$\\.fiscalYear")!.GetAttribute("value"));
        Assert.Contains(main.QuerySelectorAll("button"), b => b.TextContent.Trim() == "เผยแพร่");
        Assert.Contains(main.QuerySelectorAll("button"), b => b.TextContent.Trim() == "ลบร่าง");
        Assert.Contains("ไม่พบปัญหา", main.TextContent, StringComparison.Ordinal);
        Assert.Contains("ปีงบประมาณ พ.ศ. 2570", list, StringComparison.Ordinal);
        Assert.Contains("คัดลอกจาก 2566 ฉบับที่ 1", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_version_is_not_found()
    {
        var browser = await _world.BrowserAsync(Roles.SystemAdmin);

        var response = await browser.GetAsync("/admin/years/99999", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ไม่พบข้อมูลที่ต้องการ", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
