using System.Net;
using AngleSharp.Html.Parser;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Reports;

namespace ItaSurvey.Web.Tests.Admin;

/// <summary>What the admin pages show on their first (prerendered) load, to whom.</summary>
public class AdminPagesTests : IAsyncLifetime
{
    private readonly AdminWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, bool> PagesWithAnId => new()
    {
        { "/admin/agencies/{agency}", false }, { "/admin/agencies/{agency}", true },
        { "/admin/agencies/{agency}/trends", false }, { "/admin/agencies/{agency}/trends", true },
        { "/admin/rounds/{round}", false }, { "/admin/rounds/{round}", true },
        { "/admin/rounds/{round}/oit", false }, { "/admin/rounds/{round}/oit", true },
        { "/admin/rounds/{round}/dashboard", false }, { "/admin/rounds/{round}/dashboard", true },
        { "/admin/rounds/{round}/report", false }, { "/admin/rounds/{round}/report", true },
        { "/admin/rounds/{round}/report/print", false }, { "/admin/rounds/{round}/report/print", true },
        { "/admin/rounds/{round}/share", false }, { "/admin/rounds/{round}/share", true },
        { "/admin/rounds/{round}/poster/iit", false }, { "/admin/rounds/{round}/poster/iit", true },
        { "/admin/rounds/{round}/poster/eit", false }, { "/admin/rounds/{round}/poster/eit", true },
    };

    [Theory]
    [MemberData(nameof(PagesWithAnId))]
    public async Task An_agency_admin_asking_for_another_agency_or_a_missing_id_gets_a_404_with_the_admin_notice_and_none_of_its_data(string path, bool missing)
    {
        var system = await _world.PrincipalAsync(Roles.SystemAdmin);
        await _world.WithAsync<ImprovementReports, object>(async reports => await reports.CreateAsync(system, _world.Other.Id, Cancel)); // the other round has a report to print
        var browser = await _world.BrowserAsync(Roles.AgencyAdmin);
        var (agency, round) = missing ? (9999, 9999) : (_world.Other.AgencyId, _world.Other.Id);
        var url = path.Replace("{agency}", agency.ToString()).Replace("{round}", round.ToString());

        var response = await browser.GetAsync(url, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ไม่พบข้อมูลที่ต้องการ", html, StringComparison.Ordinal); // the admin notice, not the public not-found page
        Assert.DoesNotContain("สแกน QR code อีกครั้ง", html, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminWorld.OtherName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("ขอนแก่น", html, StringComparison.Ordinal);
        Assert.All(_world.Other.Links, link => Assert.DoesNotContain(link.Code, html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/admin/agencies/{agency}")]
    [InlineData("/admin/rounds/{round}")]
    [InlineData("/admin/rounds/{round}/share")]
    public async Task The_same_pages_of_the_users_own_agency_answer_200(string path)
    {
        var browser = await _world.BrowserAsync(Roles.AgencyAdmin);
        var url = path.Replace("{agency}", _world.OurAgencyId.ToString()).Replace("{round}", _world.Ours.Id.ToString());

        var response = await browser.GetAsync(url, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("ไม่พบข้อมูลที่ต้องการ", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_that_does_not_exist_looks_the_same_as_one_out_of_scope()
    {
        var browser = await _world.BrowserAsync(Roles.AgencyAdmin);

        var missing = await browser.GetAsync("/admin/rounds/9999", Cancel);
        var outOfScope = await browser.GetAsync($"/admin/rounds/{_world.Other.Id}", Cancel);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (missing.StatusCode, outOfScope.StatusCode));
        Assert.Equal(MainOf(await missing.Content.ReadAsStringAsync(Cancel)), MainOf(await outOfScope.Content.ReadAsStringAsync(Cancel)));
    }

    private static string MainOf(string html) => new HtmlParser().ParseDocument(html).QuerySelector("main")!.TextContent;

    [Fact]
    public async Task The_agency_list_shows_only_the_agencies_in_scope()
    {
        var html = await (await _world.BrowserAsync(Roles.AgencyAdmin)).GetStringAsync("/admin", Cancel);

        Assert.Contains("เทศบาลตำบลคลองวาฬ", html, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminWorld.OtherName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("เพิ่มหน่วยงาน", html, StringComparison.Ordinal); // only system administrators add agencies
    }

    [Fact]
    public async Task A_system_admin_sees_every_agency_and_may_add_one()
    {
        var html = await (await _world.BrowserAsync(Roles.SystemAdmin)).GetStringAsync("/admin", Cancel);

        Assert.Contains("เทศบาลตำบลคลองวาฬ", html, StringComparison.Ordinal);
        Assert.Contains(AdminWorld.OtherName, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/agencies/new\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_round_page_types_out_both_public_links_in_full_with_the_minimum_samples()
    {
        var html = await (await _world.BrowserAsync(Roles.AgencyAdmin)).GetStringAsync($"/admin/rounds/{_world.Ours.Id}", Cancel);

        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("code.url").Select(c => c.TextContent.Trim()).ToList();

        Assert.Equal([$"{SurveyApp.PublicBaseUrl}/go/iit/{_world.Ours.IitCode}", $"{SurveyApp.PublicBaseUrl}/go/eit/{_world.Ours.EitCode}"], links);
        Assert.Contains("/ 30 คำตอบขั้นต่ำ", html, StringComparison.Ordinal); // IIT: 80 staff → at least 30
        Assert.Contains("/ 60 คำตอบขั้นต่ำ", html, StringComparison.Ordinal); // EIT: small subdistrict municipality
        Assert.Contains("สร้างรหัส", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/agencies/{agency}")]
    [InlineData("/admin/rounds/{round}")]
    [InlineData("/admin/rounds/{round}/oit")]
    [InlineData("/admin/rounds/{round}/dashboard")]
    public async Task A_viewer_reads_the_pages_of_their_agency_without_any_edit_control(string path)
    {
        var browser = await _world.BrowserAsync(Roles.Viewer);
        var url = path.Replace("{agency}", _world.OurAgencyId.ToString()).Replace("{round}", _world.Ours.Id.ToString());

        var html = await browser.GetStringAsync(url, Cancel);
        var main = new HtmlParser().ParseDocument(html).QuerySelector("main")!;

        Assert.Contains("เทศบาลตำบลคลองวาฬ", html, StringComparison.Ordinal);
        Assert.Empty(main.QuerySelectorAll("form, input, select, textarea, button"));
    }

    [Theory]
    [InlineData("/admin/agencies/{agency}")]
    [InlineData("/admin/rounds/{round}/oit")]
    public async Task An_agency_admin_gets_the_edit_controls_of_their_own_agency(string path)
    {
        var browser = await _world.BrowserAsync(Roles.AgencyAdmin);
        var url = path.Replace("{agency}", _world.OurAgencyId.ToString()).Replace("{round}", _world.Ours.Id.ToString());

        var main = new HtmlParser().ParseDocument(await browser.GetStringAsync(url, Cancel)).QuerySelector("main")!;

        Assert.NotEmpty(main.QuerySelectorAll("input"));
        Assert.NotEmpty(main.QuerySelectorAll("button"));
    }

    [Theory]
    [InlineData(Roles.AgencyAdmin, "/admin/users")]
    [InlineData(Roles.AgencyAdmin, "/admin/audit")]
    [InlineData(Roles.AgencyAdmin, "/admin/agencies/new")]
    [InlineData(Roles.Viewer, "/admin/users")]
    [InlineData(Roles.Viewer, "/admin/audit")]
    public async Task Users_and_the_audit_log_are_refused_to_anyone_but_system_admins(string role, string path)
    {
        var browser = await _world.BrowserAsync(role);

        var response = await browser.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_system_admin_reads_the_users_and_the_audit_log()
    {
        var browser = await _world.BrowserAsync(Roles.SystemAdmin);

        var users = await browser.GetStringAsync("/admin/users", Cancel);
        var audit = await browser.GetStringAsync("/admin/audit", Cancel);

        Assert.Contains("@example.test (ท่าน)", users, StringComparison.Ordinal);
        Assert.Contains("เพิ่มผู้ใช้", users, StringComparison.Ordinal);
        Assert.Contains("เข้าสู่ระบบ", audit, StringComparison.Ordinal); // the sign-in just made is recorded
    }

    [Fact]
    public async Task Every_signed_in_user_has_a_tokens_page()
    {
        var html = await (await _world.BrowserAsync(Roles.Viewer)).GetStringAsync("/admin/tokens", Cancel);

        Assert.Contains("โทเคน API ของท่าน", html, StringComparison.Ordinal);
        Assert.Contains("ยังไม่มีโทเคน", html, StringComparison.Ordinal);
    }
}
