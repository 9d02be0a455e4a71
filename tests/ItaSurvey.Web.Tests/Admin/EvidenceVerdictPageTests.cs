using AngleSharp.Html.Parser;
using ItaSurvey.Core.Evidence;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Oit;

namespace ItaSurvey.Web.Tests.Admin;

/// <summary>The OIT page shows each link's verdict with its reason, and the agency form keeps the agency's domains evened out.</summary>
public class EvidenceVerdictPageTests : IAsyncLifetime
{
    private readonly AdminWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.AgencyAdmin)]
    public async Task Each_evidence_link_shows_its_verdict_its_reason_and_whether_it_is_off_the_agencys_site(string role)
    {
        await using (var db = await _world.Databases.CreateDbContextAsync(TwoAgencyWorld.Cancel))
        {
            db.OitEvidence.Add(new OitEvidence
            {
                RoundId = _world.Ours.Id, ItemCode = "O1", Present = true,
                Urls =
                [
                    new OitEvidenceUrl
                    {
                        Url = "https://drive.example.com/o1.pdf", LastStatus = 200, LastCheckedAt = new DateTime(2023, 5, 1, 3, 0, 0, DateTimeKind.Utc),
                        Verdict = EvidenceVerdict.CheckYear, VerdictFinding = EvidenceFinding.OnlyOlderYears,
                        VerdictReason = "เอกสารกล่าวถึงเฉพาะปีก่อนหน้า (ล่าสุด 2565)", VerdictDetail = "พบปี 2565 แต่ไม่พบปี 2566", OnAgencySite = false,
                    },
                ],
            });
            await db.SaveChangesAsync(TwoAgencyWorld.Cancel);
        }
        var browser = await _world.BrowserAsync(role);

        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync($"/admin/rounds/{_world.Ours.Id}/oit", TwoAgencyWorld.Cancel));

        var verdict = Assert.Single(page.QuerySelectorAll("#oit-O1 .verdict"));
        Assert.Contains("verdict-warn", verdict.ClassList);
        Assert.Equal("ตรวจสอบปี", verdict.QuerySelector(".verdict-name")!.TextContent);
        Assert.Contains("ล่าสุด 2565", verdict.TextContent, StringComparison.Ordinal);
        Assert.Contains("พบปี 2565 แต่ไม่พบปี 2566", verdict.TextContent, StringComparison.Ordinal);
        Assert.Contains("อยู่นอกเว็บไซต์ของหน่วยงาน", verdict.TextContent, StringComparison.Ordinal);
        Assert.Contains("ตรวจเมื่อ", page.QuerySelector("#oit-O1")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("#oit-O2 .verdict")); // never checked: no verdict
    }

    [Fact]
    public async Task The_dashboard_lists_items_whose_evidence_is_doubtful_next_to_what_raises_the_total()
    {
        await using (var db = await _world.Databases.CreateDbContextAsync(TwoAgencyWorld.Cancel))
        {
            db.OitEvidence.Add(new OitEvidence
            {
                RoundId = _world.Ours.Id, ItemCode = "O2", Present = true,
                Urls = [new OitEvidenceUrl { Url = "https://x.example/o2", Verdict = EvidenceVerdict.Broken, LastCheckedAt = DateTime.UtcNow }],
            });
            db.OitEvidence.Add(new OitEvidence
            {
                RoundId = _world.Ours.Id, ItemCode = "O3", Present = true,
                Urls = [new OitEvidenceUrl { Url = "https://x.example/o3", Verdict = EvidenceVerdict.LooksRight, LastCheckedAt = DateTime.UtcNow }],
            });
            await db.SaveChangesAsync(TwoAgencyWorld.Cancel);
        }
        var browser = await _world.BrowserAsync(Roles.Viewer);

        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync($"/admin/rounds/{_world.Ours.Id}/dashboard", TwoAgencyWorld.Cancel));

        var item = Assert.Single(page.QuerySelectorAll(".doubtful-list li"));
        Assert.Contains("O2", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("ลิงก์เสีย", item.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/admin/rounds/{_world.Ours.Id}/oit#oit-O2", item.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Agency_domains_are_stored_evened_out_and_a_wrong_one_is_named()
    {
        var form = new AgencyForm { WebDomains = "https://www.KhlongWan.go.th/ita, khlongwan.go.th\nita.khlongwan.go.th", StaffHeadcount = 80 };
        var agency = new Agency { NameTh = "ก", Province = "ข", AgencyGroup = "g", StaffHeadcount = 80 };

        var changes = form.ApplyTo(agency);

        Assert.Equal("khlongwan.go.th ita.khlongwan.go.th", agency.WebDomains);
        Assert.Contains("webDomains", changes, StringComparison.Ordinal);
        Assert.Equal(["not_a_domain"], new AgencyForm { WebDomains = "khlongwan.go.th not_a_domain" }.ParsedDomains().Invalid);
    }
}
