using System.Net;
using System.Security.Claims;
using AngleSharp.Html.Parser;
using ItaSurvey.Core.Improvement;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.Reports;
using ItaSurvey.Web.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Reports;

/// <summary>
/// The improvement report of a 2566 round whose OIT lacks O4 and all of 9.2 (O11–O18), so that
/// indicator 9 = (90 + 0 + 100 + 100 + 100) / 5 = 78 is urgent.
/// </summary>
public class ImprovementReportTests : IAsyncLifetime
{
    private static readonly string[] Missing = ["O4", "O11", "O12", "O13", "O14", "O15", "O16", "O17", "O18"];

    private readonly AdminWorld _world = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _world.InitializeAsync();
        await RecordOitAsync(Missing);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_draft_has_one_urgent_row_per_missing_item_of_indicator_9_and_is_audited()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);

        var created = await Service(s => s.CreateAsync(admin, _world.Ours.Id, Cancel));

        Assert.True(created.Succeeded);
        Assert.Equal(Missing, created.Value!.Items.Select(i => i.SourceCode));
        Assert.All(created.Value.Items, i => Assert.Equal((ImprovementSection.Urgent, "9", WeaknessSource.OitItem, ImprovementStatus.NotStarted),
            (i.Section, i.IndicatorCode, i.SourceKind, i.Status)));
        Assert.StartsWith("O4 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน ไม่พบการเผยแพร่", created.Value.Items[0].Weakness, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), a => a.Action == "report.create" && a.AgencyId == _world.OurAgencyId);
        var again = await Service(s => s.CreateAsync(admin, _world.Ours.Id, Cancel));
        Assert.Equal("รอบนี้มีรายงานอยู่แล้ว โหลดหน้าใหม่เพื่อดูฉบับล่าสุด", again.Errors[""]);
    }

    [Fact]
    public async Task Typed_actions_owners_statuses_and_evidence_are_saved_and_audited()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var form = (await Service(s => s.CreateAsync(admin, _world.Ours.Id, Cancel))).Value!;
        var row = form.Items[0];
        (row.PlannedAction, row.Owner, row.Status, row.EvidenceUrl) =
            ("งานนโยบายและแผนอัปเดตแผนพัฒนาท้องถิ่นบนเว็บไซต์", "งานนโยบายและแผน", ImprovementStatus.Done, "https://www.khlongwan.example/plan");
        form.Items.RemoveAt(8);
        form.Items.Add(new ImprovementItemForm { Section = ImprovementSection.ToImprove, IndicatorCode = "3", Weakness = "การมอบหมายงานไม่ทั่วถึง" });

        var saved = await Service(s => s.SaveAsync(admin, _world.Ours.Id, form, Cancel));

        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Fields.Select(f => saved.Errors[f])));
        var stored = (await Service(s => s.LoadAsync(admin, _world.Ours.Id, Cancel)))!.Report!;
        Assert.Equal(9, stored.Items.Count);
        Assert.Equal(("งานนโยบายและแผน", ImprovementStatus.Done, "https://www.khlongwan.example/plan"), (stored.Items[0].Owner, stored.Items[0].Status, stored.Items[0].EvidenceUrl));
        var added = Assert.Single(stored.In(ImprovementSection.ToImprove));
        Assert.Equal(("3", WeaknessSource.Indicator, "3"), (added.IndicatorCode, added.SourceKind, added.SourceCode));
        Assert.NotEqual(form.Version, stored.Version);
        var entry = Assert.Single(await AuditAsync(), a => a.Action == "report.update");
        Assert.Equal($"round {_world.Ours.Id}: 9 rows (1 changed, 1 added, 1 removed)", entry.Details);
    }

    [Fact]
    public async Task A_save_with_three_bad_rows_returns_and_shows_every_problem_of_every_row_at_once()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var form = (await Service(s => s.CreateAsync(admin, _world.Ours.Id, Cancel))).Value!;
        (form.Items[0].EvidenceUrl, form.Items[0].Owner) = ("javascript:alert(1)", "somchai@khlongwan.example");
        (form.Items[2].Weakness, form.Items[2].PlannedAction) = ("  ", new string('ก', 2001));
        (form.Items[4].IndicatorCode, form.Items[4].SourceCode) = ("99", new string('X', 17));

        var outcome = await Service(s => s.SaveAsync(admin, _world.Ours.Id, form, Cancel));
        var html = await RenderAsync<ImprovementProblemList>(new()
        {
            ["RoundId"] = _world.Ours.Id, ["Problems"] = form.Problems,
        });

        Assert.False(outcome.Succeeded);
        Assert.Equal(
            [(1, "Owner"), (1, "EvidenceUrl"), (3, "Weakness"), (3, "PlannedAction"), (5, "IndicatorCode"), (5, "SourceCode")],
            form.Problems.Select(p => (p.Row!.Value, p.Field)));
        Assert.Equal(6, outcome.Errors.Count);
        Assert.All(form.Problems, p => Assert.Equal(form.Items[p.Row!.Value - 1].Key, p.RowKey));
        Assert.Equal([2, 0, 2, 0, 2], form.Items.Take(5).Select(i => i.Errors.Count));
        var items = new HtmlParser().ParseDocument(html).QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(form.Problems.Select(p => p.Text), items);
        Assert.Contains("แก้ไขทั้ง 6 ข้อ ใน 3 แถว", html, StringComparison.Ordinal);
        Assert.Contains("แถวที่ 5 (XXXXXXXXXXXXXXXXX) รหัสข้อ: รหัสข้อยาวได้ไม่เกิน 16 ตัวอักษร", items);
        Assert.Contains($"href=\"/admin/rounds/{_world.Ours.Id}/report#row-{form.Items[2].Key}\"", html, StringComparison.Ordinal);
        var stored = (await Service(s => s.LoadAsync(admin, _world.Ours.Id, Cancel)))!.Report!;
        Assert.All(stored.Items, i => Assert.Null(i.Owner));
    }

    /// <summary>A component rendered to HTML outside any page, with the app's services.</summary>
    private async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        using var scope = _world.App.Services.CreateScope();
        await using var renderer = new Microsoft.AspNetCore.Components.Web.HtmlRenderer(scope.ServiceProvider,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(Microsoft.AspNetCore.Components.ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    [Fact]
    public async Task Bad_rows_save_nothing_and_each_says_what_to_fix_in_Thai()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var form = (await Service(s => s.CreateAsync(admin, _world.Ours.Id, Cancel))).Value!;
        form.Items[0].EvidenceUrl = "javascript:alert(1)";
        form.Items[1].Weakness = "  ";
        form.Items[2].Owner = "somchai@khlongwan.example";
        form.Items[3].PlannedAction = new string('ก', 2001);
        form.Items[4].IndicatorCode = "99";
        form.Items[5].PlannedAction = "จะไม่ถูกบันทึก";

        var outcome = await Service(s => s.SaveAsync(admin, _world.Ours.Id, form, Cancel));

        Assert.False(outcome.Succeeded);
        Assert.Equal(5, outcome.Errors.Count);
        Assert.Equal("URL ต้องเป็นที่อยู่เต็มที่ขึ้นต้นด้วย https:// หรือ http://", form.Items[0].Errors["EvidenceUrl"]);
        Assert.Equal("ระบุข้อบกพร่องหรือจุดอ่อนของแถวนี้", form.Items[1].Errors["Weakness"]);
        Assert.StartsWith("ระบุส่วนงานหรือตำแหน่งที่รับผิดชอบ", form.Items[2].Errors["Owner"], StringComparison.Ordinal);
        Assert.Equal("แนวทางปฏิบัติยาวได้ไม่เกิน 2,000 ตัวอักษร", form.Items[3].Errors["PlannedAction"]);
        Assert.Equal("เลือกตัวชี้วัดของปีงบประมาณนี้", form.Items[4].Errors["IndicatorCode"]);
        Assert.Equal("แถวที่ 1 (O4) ลิงก์หลักฐาน: URL ต้องเป็นที่อยู่เต็มที่ขึ้นต้นด้วย https:// หรือ http://", outcome.Errors[$"{form.Items[0].Key}.EvidenceUrl"]);
        var stored = (await Service(s => s.LoadAsync(admin, _world.Ours.Id, Cancel)))!.Report!;
        Assert.All(stored.Items, i => Assert.Null(i.PlannedAction));
        Assert.DoesNotContain(await AuditAsync(), a => a.Action == "report.update");
    }

    [Fact]
    public async Task A_second_admin_saving_an_older_version_is_told_who_saved_in_between_and_overwrites_nothing()
    {
        var first = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var second = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        await Service(s => s.CreateAsync(first, _world.Ours.Id, Cancel));
        var mine = (await Service(s => s.LoadAsync(first, _world.Ours.Id, Cancel)))!.Report!;
        var theirs = (await Service(s => s.LoadAsync(second, _world.Ours.Id, Cancel)))!.Report!;
        mine.Items[0].PlannedAction = "ฉบับของผู้ดูแลคนแรก";
        theirs.Items[0].PlannedAction = "ฉบับของผู้ดูแลคนที่สอง";

        Assert.True((await Service(s => s.SaveAsync(first, _world.Ours.Id, mine, Cancel))).Succeeded);
        var late = await Service(s => s.SaveAsync(second, _world.Ours.Id, theirs, Cancel));

        Assert.False(late.Succeeded);
        Assert.StartsWith($"ยังไม่ได้บันทึก: {first.Identity!.Name} บันทึกรายงานนี้เมื่อ", late.Errors[""], StringComparison.Ordinal);
        Assert.Contains("โหลดฉบับล่าสุด", late.Errors[""], StringComparison.Ordinal);
        var stored = (await Service(s => s.LoadAsync(first, _world.Ours.Id, Cancel)))!.Report!;
        Assert.Equal("ฉบับของผู้ดูแลคนแรก", stored.Items[0].PlannedAction);
    }

    [Fact]
    public async Task Adding_new_weaknesses_keeps_every_typed_row_and_adds_only_the_new_ones()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var form = (await Service(s => s.CreateAsync(admin, _world.Ours.Id, Cancel))).Value!;
        form.Items[0].PlannedAction = "กองคลังนำแผนขึ้นเว็บไซต์";
        form = (await Service(s => s.SaveAsync(admin, _world.Ours.Id, form, Cancel))).Value!;
        await RecordOitAsync([.. Missing, "O1"]);

        var outcome = await Service(s => s.AddNewWeaknessesAsync(admin, _world.Ours.Id, form.Version, Cancel));

        Assert.True(outcome.Succeeded);
        Assert.Equal(1, outcome.Value.Added);
        Assert.Equal([.. Missing, "O1"], outcome.Value.Report.Items.Select(i => i.SourceCode));
        Assert.Equal("กองคลังนำแผนขึ้นเว็บไซต์", outcome.Value.Report.Items[0].PlannedAction);
        Assert.Contains(await AuditAsync(), a => a.Action == "report.redraft" && a.Details!.EndsWith(": O1", StringComparison.Ordinal));
        var stale = await Service(s => s.AddNewWeaknessesAsync(admin, _world.Ours.Id, form.Version, Cancel));
        Assert.Contains("โหลดฉบับล่าสุด", stale.Errors[""], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_reads_the_report_but_cannot_create_or_save_it()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var viewer = await _world.PrincipalAsync(Roles.Viewer, _world.OurAgencyId);
        Assert.Equal("ท่านไม่มีสิทธิ์แก้ไขข้อมูลนี้", (await Service(s => s.CreateAsync(viewer, _world.Ours.Id, Cancel))).Errors[""]);
        await Service(s => s.CreateAsync(admin, _world.Ours.Id, Cancel));

        var view = (await Service(s => s.LoadAsync(viewer, _world.Ours.Id, Cancel)))!;
        view.Report!.Items[0].PlannedAction = "ผู้ดูผลพยายามแก้";

        Assert.False(view.CanEdit);
        Assert.Equal("ท่านไม่มีสิทธิ์แก้ไขข้อมูลนี้", (await Service(s => s.SaveAsync(viewer, _world.Ours.Id, view.Report, Cancel))).Errors[""]);
        var html = await (await _world.BrowserAsync(Roles.Viewer)).GetStringAsync($"/admin/rounds/{_world.Ours.Id}/report", Cancel);
        Assert.Contains("O4 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<textarea", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">บันทึก<", html, StringComparison.Ordinal);
    }

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

    public static TheoryData<string> NotWebUrls => ["javascript:alert(1)", "JavaScript:alert(document.cookie)", " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"];

    /// <summary>Issue 18, item 7: only absolute http(s) evidence links are stored.</summary>
    [Theory]
    [MemberData(nameof(NotWebUrls))]
    public async Task An_evidence_link_that_is_not_http_is_refused_in_Thai_and_nothing_is_stored(string url)
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var form = (await Service(s => s.CreateAsync(admin, _world.Ours.Id, Cancel))).Value!;
        form.Items[0].EvidenceUrl = url;
        form.Items[1].PlannedAction = "จะไม่ถูกบันทึก";

        var outcome = await Service(s => s.SaveAsync(admin, _world.Ours.Id, form, Cancel));

        Assert.False(outcome.Succeeded);
        Assert.Equal("URL ต้องเป็นที่อยู่เต็มที่ขึ้นต้นด้วย https:// หรือ http://", form.Items[0].Errors["EvidenceUrl"]);
        await using var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        Assert.False(await db.ImprovementItems.AnyAsync(i => i.EvidenceUrl != null || i.PlannedAction != null, Cancel));
    }

    /// <summary>Issue 18, item 7: a URL stored before the check (older data, or by hand) prints as text, never as a live link.</summary>
    [Theory]
    [MemberData(nameof(NotWebUrls))]
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

    private Task<T> Service<T>(Func<ImprovementReports, Task<T>> use) => _world.WithAsync(use);

    private async Task<List<Auditing.AuditEntry>> AuditAsync()
    {
        await using var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        return await db.AuditEntries.AsNoTracking().ToListAsync(Cancel);
    }

    /// <summary>Every 2566 OIT item มี except the given ones, ไม่มี.</summary>
    private async Task RecordOitAsync(IReadOnlyCollection<string> missing)
    {
        var catalog = _world.App.Services.GetRequiredService<ItaSurvey.Core.Model.SurveyCatalog>();
        await using var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        await db.OitEvidence.Where(e => e.RoundId == _world.Ours.Id).ExecuteDeleteAsync(Cancel);
        foreach (var item in catalog.Year(2566).Questionnaire("OIT").Questions)
        {
            db.OitEvidence.Add(new OitEvidence { RoundId = _world.Ours.Id, ItemCode = item.Code, Present = !missing.Contains(item.Code) });
        }
        await db.SaveChangesAsync(Cancel);
    }
}
