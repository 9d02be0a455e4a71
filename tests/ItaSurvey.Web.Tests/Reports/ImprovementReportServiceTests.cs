using AngleSharp.Html.Parser;
using ItaSurvey.Core.Improvement;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Reports;

/// <summary>
/// The improvement report service on the <see cref="ReportWorld"/> round: drafting, saving every row's problems at once,
/// the version rule between two admins, topping up new weaknesses, and what a viewer may not do.
/// </summary>
public class ImprovementReportServiceTests : IAsyncLifetime
{
    private readonly ReportWorld _world = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_draft_has_one_urgent_row_per_missing_item_of_indicator_9_and_is_audited()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);

        var created = await Service(s => s.CreateAsync(admin, _world.Ours.Id, Cancel));

        Assert.True(created.Succeeded);
        Assert.Equal(ReportWorld.Missing, created.Value!.Items.Select(i => i.SourceCode));
        Assert.All(created.Value.Items, i => Assert.Equal((ImprovementSection.Urgent, "9", WeaknessSource.OitItem, ImprovementStatus.NotStarted),
            (i.Section, i.IndicatorCode, i.SourceKind, i.Status)));
        Assert.StartsWith("O4 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน ไม่พบการเผยแพร่", created.Value.Items[0].Weakness, StringComparison.Ordinal);
        Assert.Contains(await _world.AuditAsync(), a => a.Action == "report.create" && a.AgencyId == _world.OurAgencyId);
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
        var stored = (await Views(s => s.LoadAsync(admin, _world.Ours.Id, Cancel)))!.Report!;
        Assert.Equal(9, stored.Items.Count);
        Assert.Equal(("งานนโยบายและแผน", ImprovementStatus.Done, "https://www.khlongwan.example/plan"), (stored.Items[0].Owner, stored.Items[0].Status, stored.Items[0].EvidenceUrl));
        var added = Assert.Single(stored.In(ImprovementSection.ToImprove));
        Assert.Equal(("3", WeaknessSource.Indicator, "3"), (added.IndicatorCode, added.SourceKind, added.SourceCode));
        Assert.NotEqual(form.Version, stored.Version);
        var entry = Assert.Single(await _world.AuditAsync(), a => a.Action == "report.update");
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
        var html = await _world.RenderAsync<ImprovementProblemList>(new()
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
        var stored = (await Views(s => s.LoadAsync(admin, _world.Ours.Id, Cancel)))!.Report!;
        Assert.All(stored.Items, i => Assert.Null(i.Owner));
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
        var stored = (await Views(s => s.LoadAsync(admin, _world.Ours.Id, Cancel)))!.Report!;
        Assert.All(stored.Items, i => Assert.Null(i.PlannedAction));
        Assert.DoesNotContain(await _world.AuditAsync(), a => a.Action == "report.update");
    }

    [Fact]
    public async Task A_second_admin_saving_an_older_version_is_told_who_saved_in_between_and_overwrites_nothing()
    {
        var first = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var second = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        await Service(s => s.CreateAsync(first, _world.Ours.Id, Cancel));
        var mine = (await Views(s => s.LoadAsync(first, _world.Ours.Id, Cancel)))!.Report!;
        var theirs = (await Views(s => s.LoadAsync(second, _world.Ours.Id, Cancel)))!.Report!;
        mine.Items[0].PlannedAction = "ฉบับของผู้ดูแลคนแรก";
        theirs.Items[0].PlannedAction = "ฉบับของผู้ดูแลคนที่สอง";

        Assert.True((await Service(s => s.SaveAsync(first, _world.Ours.Id, mine, Cancel))).Succeeded);
        var late = await Service(s => s.SaveAsync(second, _world.Ours.Id, theirs, Cancel));

        Assert.False(late.Succeeded);
        Assert.StartsWith($"ยังไม่ได้บันทึก: {first.Identity!.Name} บันทึกรายงานนี้เมื่อ", late.Errors[""], StringComparison.Ordinal);
        Assert.Contains("โหลดฉบับล่าสุด", late.Errors[""], StringComparison.Ordinal);
        var stored = (await Views(s => s.LoadAsync(first, _world.Ours.Id, Cancel)))!.Report!;
        Assert.Equal("ฉบับของผู้ดูแลคนแรก", stored.Items[0].PlannedAction);
    }

    [Fact]
    public async Task Adding_new_weaknesses_keeps_every_typed_row_and_adds_only_the_new_ones()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var form = (await Service(s => s.CreateAsync(admin, _world.Ours.Id, Cancel))).Value!;
        form.Items[0].PlannedAction = "กองคลังนำแผนขึ้นเว็บไซต์";
        form = (await Service(s => s.SaveAsync(admin, _world.Ours.Id, form, Cancel))).Value!;
        await _world.RecordOitAsync([.. ReportWorld.Missing, "O1"]);

        var outcome = await Service(s => s.AddNewWeaknessesAsync(admin, _world.Ours.Id, form.Version, Cancel));

        Assert.True(outcome.Succeeded);
        Assert.Equal(1, outcome.Value.Added);
        Assert.Equal([.. ReportWorld.Missing, "O1"], outcome.Value.Report.Items.Select(i => i.SourceCode));
        Assert.Equal("กองคลังนำแผนขึ้นเว็บไซต์", outcome.Value.Report.Items[0].PlannedAction);
        Assert.Contains(await _world.AuditAsync(), a => a.Action == "report.redraft" && a.Details!.EndsWith(": O1", StringComparison.Ordinal));
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

        var view = (await Views(s => s.LoadAsync(viewer, _world.Ours.Id, Cancel)))!;
        view.Report!.Items[0].PlannedAction = "ผู้ดูผลพยายามแก้";

        Assert.False(view.CanEdit);
        Assert.Equal("ท่านไม่มีสิทธิ์แก้ไขข้อมูลนี้", (await Service(s => s.SaveAsync(viewer, _world.Ours.Id, view.Report, Cancel))).Errors[""]);
        var html = await (await _world.BrowserAsync(Roles.Viewer)).GetStringAsync($"/admin/rounds/{_world.Ours.Id}/report", Cancel);
        Assert.Contains("O4 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<textarea", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">บันทึก<", html, StringComparison.Ordinal);
    }

    /// <summary>Issue 18, item 7: only absolute http(s) evidence links are stored.</summary>
    [Theory]
    [MemberData(nameof(ReportWorld.NotWebUrls), MemberType = typeof(ReportWorld))]
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

    private Task<T> Service<T>(Func<ImprovementReports, Task<T>> use) => _world.Reports(use);

    private Task<T> Views<T>(Func<ImprovementReportViews, Task<T>> use) => _world.Views(use);
}
