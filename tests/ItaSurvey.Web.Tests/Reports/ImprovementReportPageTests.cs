using System.Net;
using AngleSharp.Html.Parser;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Reports;
using ItaSurvey.Web.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Reports;

/// <summary>
/// The improvement report's pages and files on the <see cref="ReportWorld"/> round: the report page,
/// its print and CSV, and what they show (or do not) of another agency.
/// </summary>
public class ImprovementReportPageTests : IAsyncLifetime
{
    private readonly ReportWorld _world = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task The_report_page_offers_a_draft_and_ranks_what_raises_the_score()
    {
        var html = await (await _world.BrowserAsync(Roles.AgencyAdmin)).GetStringAsync($"/admin/rounds/{_world.Ours.Id}/report", Cancel);
        var page = new HtmlParser().ParseDocument(html);

        Assert.Contains("สร้างร่างรายงาน", html, StringComparison.Ordinal);
        Assert.Contains("ร่างจากผลคะแนนปัจจุบันจะมี 9 แถวในส่วนที่ 1", html, StringComparison.Ordinal);
        var ranks = page.QuerySelectorAll("table.gains tbody tr").Select(r => r.QuerySelector(".tag")!.TextContent).ToList();
        // 9.2 has 8 items: each adds 100/8/5 = 2.50 to indicator 9; O4 (9.1 of 10 items) adds 2.00. No IIT/EIT yet: no total.
        Assert.Equal(["O11", "O12", "O13", "O14", "O15", "O16", "O17", "O18", "O4"], ranks);
        Assert.Contains("+2.50", page.QuerySelector("table.gains tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ยังคำนวณไม่ได้", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/rounds/{round}/report")]
    [InlineData("/admin/rounds/{round}/report/print")]
    public async Task Another_agencys_report_pages_are_not_found(string path)
    {
        var browser = await _world.BrowserAsync(Roles.AgencyAdmin);

        var answer = await browser.GetAsync(path.Replace("{round}", _world.Other.Id.ToString()), Cancel);
        var html = await answer.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("ไม่พบข้อมูลที่ต้องการ", html, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminWorld.OtherName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_agencys_csv_answers_404()
    {
        var other = await _world.PrincipalAsync(Roles.SystemAdmin);
        await Service(s => s.CreateAsync(other, _world.Other.Id, Cancel));
        var browser = await _world.BrowserAsync(Roles.AgencyAdmin);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/rounds/{_world.Other.Id}/report.csv", Cancel)).StatusCode);
    }

    /// <summary>Issue 18, item 12c: a file address answers a bare 404, not the app's HTML "not found" page.</summary>
    [Fact]
    public async Task The_csv_of_a_round_without_a_report_is_a_plain_404()
    {
        var response = await (await _world.BrowserAsync(Roles.Viewer)).GetAsync($"/admin/rounds/{_world.Ours.Id}/report.csv", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    /// <summary>Issue 18, item 7: a URL stored before the check (older data, or by hand) prints as text, never as a live link.</summary>
    [Theory]
    [MemberData(nameof(ReportWorld.NotWebUrls), MemberType = typeof(ReportWorld))]
    public async Task An_older_evidence_link_that_is_not_http_prints_as_text_without_an_href(string url)
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var form = (await Service(s => s.CreateAsync(admin, _world.Ours.Id, Cancel))).Value!;
        form.Items[1].EvidenceUrl = "https://www.khlongwan.example/plan";
        Assert.True((await Service(s => s.SaveAsync(admin, _world.Ours.Id, form, Cancel))).Succeeded);
        await using (var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel))
        {
            var first = form.Items[0].Id!.Value;
            await db.ImprovementItems.Where(i => i.Id == first).ExecuteUpdateAsync(u => u.SetProperty(i => i.EvidenceUrl, url), Cancel);
        }

        var html = await (await _world.BrowserAsync(Roles.Viewer)).GetStringAsync($"/admin/rounds/{_world.Ours.Id}/report/print", Cancel);
        var page = new HtmlParser().ParseDocument(html);

        var rows = page.QuerySelectorAll("table.improvement-table tbody tr").ToList();
        Assert.Contains(url.Trim(), rows[0].Children[3].TextContent, StringComparison.Ordinal);
        Assert.Null(rows[0].QuerySelector("a"));
        Assert.Equal("https://www.khlongwan.example/plan", rows[1].QuerySelector("a")?.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll("a[href]"), a => Assert.Matches("^(/|https?://)", a.GetAttribute("href")!));
    }

    [Fact]
    public async Task The_print_page_has_the_reports_Thai_headings_agency_year_and_rows()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var form = (await Service(s => s.CreateAsync(admin, _world.Ours.Id, Cancel))).Value!;
        form.Items[0].PlannedAction = "งานนโยบายและแผนได้ดำเนินการอัปเดตข้อมูลบนเว็บไซต์หลักของหน่วยงาน";
        await Service(s => s.SaveAsync(admin, _world.Ours.Id, form, Cancel));

        var html = await (await _world.BrowserAsync(Roles.Viewer)).GetStringAsync($"/admin/rounds/{_world.Ours.Id}/report/print", Cancel);
        var page = new HtmlParser().ParseDocument(html);

        Assert.Equal("รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("ประจำปีงบประมาณ พ.ศ. 2566", html, StringComparison.Ordinal);
        Assert.Contains("เทศบาลตำบลคลองวาฬ จังหวัดประจวบคีรีขันธ์", html, StringComparison.Ordinal);
        Assert.Equal(["1. ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน", "2. ประเด็นที่ต้องพัฒนาให้ดีขึ้น"],
            page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Contains("คือ ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้คะแนนร้อยละ 78.00", html, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("table.improvement-table tbody tr").ToList();
        Assert.Equal(9, rows.Count);
        Assert.Equal("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", rows[0].Children[0].TextContent);
        Assert.Equal("ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน", rows[0].Children[1].TextContent);
        Assert.Equal("", rows[1].Children[0].TextContent);
        Assert.Equal("ตัวชี้วัดย่อยที่ 9.2 การบริหารงาน", rows[1].Children[1].TextContent); // O11, the first of 9.2
        Assert.Equal("", rows[2].Children[1].TextContent);                                    // O12: same sub-indicator, not repeated
        Assert.DoesNotContain("@example.test", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal); // no user named on paper
        Assert.Contains("งานนโยบายและแผนได้ดำเนินการอัปเดต", rows[0].Children[3].TextContent, StringComparison.Ordinal);
        Assert.Equal("ยังไม่เริ่ม", rows[0].Children[5].TextContent.Trim());
        Assert.NotNull(page.QuerySelector("table.improvement-table thead th"));
    }

    [Fact]
    public async Task The_csv_starts_with_a_byte_order_mark_and_has_a_row_per_item()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var form = (await Service(s => s.CreateAsync(admin, _world.Ours.Id, Cancel))).Value!;
        form.Items[0].PlannedAction = "=HYPERLINK(\"https://evil.example\")";
        form.Items[1].PlannedAction = "- งานการเจ้าหน้าที่ สำนักปลัด จัดทำคำสั่งมอบหมายงาน";
        await Service(s => s.SaveAsync(admin, _world.Ours.Id, form, Cancel));

        var response = await (await _world.BrowserAsync(Roles.Viewer)).GetAsync($"/admin/rounds/{_world.Ours.Id}/report.csv", Cancel);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(string.Join(",", ImprovementReportEndpoints.Columns), lines[0]);
        Assert.Equal(10, lines.Length);
        Assert.StartsWith("1,9,การเปิดเผยข้อมูล,ข้อ OIT,O4,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.example\"\")\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(",'- งานการเจ้าหน้าที่ สำนักปลัด จัดทำคำสั่งมอบหมายงาน,", lines[2], StringComparison.Ordinal); // Excel would read a leading - as a formula
        Assert.EndsWith(",ยังไม่เริ่ม,", lines[2], StringComparison.Ordinal);
    }

    private Task<T> Service<T>(Func<ImprovementReports, Task<T>> use) => _world.Reports(use);
}
