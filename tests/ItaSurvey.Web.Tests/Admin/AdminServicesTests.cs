using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Forms;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Admin;

/// <summary>The services behind the admin pages re-check the user's rights on every change.</summary>
public class AdminServicesTests : IAsyncLifetime
{
    private readonly AdminWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static AgencyForm Form(string name) => new()
    {
        NameTh = name, Province = "ประจวบคีรีขันธ์", AgencyGroup = "tambon-municipality-s", StaffHeadcount = 81,
    };

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Issue 18, item 11: the agency form refuses a second เทศบาลตำบลคลองวาฬ in ประจวบคีรีขันธ์, spacing aside.</summary>
    [Theory]
    [InlineData("เทศบาลตำบลคลองวาฬ")]
    [InlineData(" เทศบาลตำบลคลองวาฬ\u200B ")]
    public async Task Creating_an_agency_that_exists_already_is_refused_in_Thai_and_stores_nothing(string name)
    {
        var systemAdmin = await _world.PrincipalAsync(Roles.SystemAdmin);

        var outcome = await _world.WithAsync<AgencyDirectory, Outcome<Agencies.Agency>>(d => d.CreateAsync(systemAdmin, Form(name)));

        Assert.False(outcome.Succeeded);
        Assert.Equal($"มีหน่วยงาน “เทศบาลตำบลคลองวาฬ” จังหวัดประจวบคีรีขันธ์ ในระบบแล้ว (รหัส {_world.OurAgencyId}) เปิดรอบการประเมินปีใหม่ได้ที่หน้าของหน่วยงานนั้น ไม่ต้องเพิ่มหน่วยงานซ้ำ",
            outcome.Errors[nameof(AgencyForm.NameTh)]);
        await using var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, await db.Agencies.CountAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain(await AuditAsync(), e => e.Action == "agency.create");
    }

    [Fact]
    public async Task A_viewer_cannot_change_their_agency_even_by_calling_the_handler()
    {
        var viewer = await _world.PrincipalAsync(Roles.Viewer, _world.OurAgencyId);

        var outcome = await _world.WithAsync<AgencyDirectory, Outcome<Agencies.Agency>>(d => d.UpdateAsync(viewer, _world.OurAgencyId, Form("เปลี่ยนชื่อ")));

        Assert.False(outcome.Succeeded);
        Assert.Equal("ท่านไม่มีสิทธิ์แก้ไขข้อมูลนี้", outcome.Errors[""]);
        var details = await _world.WithAsync<AgencyDirectory, AgencyDetails?>(d => d.FindAsync(viewer, _world.OurAgencyId));
        Assert.Equal("เทศบาลตำบลคลองวาฬ", details!.Agency.NameTh);
        Assert.False(details.CanEdit);
    }

    [Fact]
    public async Task An_agency_admin_changes_nothing_of_another_agency()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var other = _world.Other;
        var round = new RoundForm { FiscalYear = 2565, OpensOn = new DateOnly(2022, 4, 1), ClosesOn = new DateOnly(2022, 6, 30) };
        var item = new OitItemForm { Code = "O1", Title = "", Present = true, Urls = [new OitUrlEntry { Text = "https://example.go.th/" }] };

        Assert.Null(await _world.WithAsync<AgencyDirectory, AgencyDetails?>(d => d.FindAsync(admin, other.AgencyId)));
        Assert.False((await _world.WithAsync<AgencyDirectory, Outcome<Agencies.Agency>>(d => d.UpdateAsync(admin, other.AgencyId, Form("x")))).Succeeded);
        Assert.False((await _world.WithAsync<AgencyDirectory, Outcome<AssessmentRound>>(d => d.CreateRoundAsync(admin, other.AgencyId, round))).Succeeded);
        Assert.False((await _world.WithAsync<RoundOverview, Outcome<IReadOnlyList<string>>>(o => o.GenerateCodesAsync(admin, other.Id, 5))).Succeeded);
        Assert.False((await _world.WithAsync<OitChecklist, Outcome<IReadOnlyList<OitItemForm>>>(c => c.SaveAsync(admin, other.Id, [item]))).Succeeded);
        Assert.Null(await _world.WithAsync<OitChecklist, OitChecklistView?>(c => c.LoadAsync(admin, other.Id)));
        Assert.DoesNotContain(await AuditAsync(), e => e.AgencyId == other.AgencyId);
    }

    [Fact]
    public async Task Only_a_system_admin_creates_an_agency_and_the_creation_is_audited()
    {
        var agencyAdmin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var systemAdmin = await _world.PrincipalAsync(Roles.SystemAdmin);

        var refused = await _world.WithAsync<AgencyDirectory, Outcome<Agencies.Agency>>(d => d.CreateAsync(agencyAdmin, Form("เทศบาลตำบลบ่อนอก")));
        var created = await _world.WithAsync<AgencyDirectory, Outcome<Agencies.Agency>>(d => d.CreateAsync(systemAdmin, Form("เทศบาลตำบลบ่อนอก")));

        Assert.False(refused.Succeeded);
        Assert.True(created.Succeeded);
        var entry = Assert.Single(await AuditAsync(), e => e.Action == "agency.create");
        Assert.Equal(created.Value!.Id, entry.AgencyId);
    }

    [Fact]
    public async Task An_agency_admin_edits_their_agency_and_the_audit_log_says_what_changed()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var form = Form("เทศบาลตำบลคลองวาฬ");
        form.NameEn = "Khlong Wan Subdistrict Municipality";

        var outcome = await _world.WithAsync<AgencyDirectory, Outcome<Agencies.Agency>>(d => d.UpdateAsync(admin, _world.OurAgencyId, form));

        Assert.True(outcome.Succeeded);
        var entry = Assert.Single(await AuditAsync(), e => e.Action == "agency.update");
        Assert.Equal(_world.OurAgencyId, entry.AgencyId);
        Assert.Equal("headcount: 80 → 81", entry.Details);
    }

    [Fact]
    public async Task A_round_gets_its_links_and_a_second_round_of_the_same_year_is_refused_in_Thai()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var form = new RoundForm { FiscalYear = 2565, OpensOn = new DateOnly(2022, 4, 1), ClosesOn = new DateOnly(2022, 6, 30), IitMode = IitMode.OpenLink };

        var first = await _world.WithAsync<AgencyDirectory, Outcome<AssessmentRound>>(d => d.CreateRoundAsync(admin, _world.OurAgencyId, form));
        var second = await _world.WithAsync<AgencyDirectory, Outcome<AssessmentRound>>(d => d.CreateRoundAsync(admin, _world.OurAgencyId, form));

        Assert.Equal(["EIT", "IIT"], first.Value!.Links.Select(l => l.Instrument).Order());
        Assert.Equal("หน่วยงานนี้มีรอบการประเมินปีงบประมาณ พ.ศ. 2565 แล้ว", second.Errors[nameof(RoundForm.FiscalYear)]);
        Assert.Single(await AuditAsync(), e => e.Action == "round.create" && e.AgencyId == _world.OurAgencyId);
    }

    [Fact]
    public async Task Codes_are_generated_only_in_codes_mode_and_the_audit_log_never_holds_them()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);

        var codes = await _world.WithAsync<RoundOverview, Outcome<IReadOnlyList<string>>>(o => o.GenerateCodesAsync(admin, _world.Ours.Id, 12));
        var tooMany = await _world.WithAsync<RoundOverview, Outcome<IReadOnlyList<string>>>(o => o.GenerateCodesAsync(admin, _world.Ours.Id, 5000));
        await _world.WithAsync<RoundOverview, Outcome<AssessmentRound>>(o => o.UpdateAsync(admin, _world.Ours.Id,
            new RoundForm { OpensOn = new DateOnly(2023, 4, 1), ClosesOn = new DateOnly(2023, 6, 30), IitMode = IitMode.OpenLink }));
        var openLink = await _world.WithAsync<RoundOverview, Outcome<IReadOnlyList<string>>>(o => o.GenerateCodesAsync(admin, _world.Ours.Id, 5));

        Assert.Equal(12, codes.Value!.Count);
        Assert.True(tooMany.Errors.Has("count"));
        Assert.False(openLink.Succeeded);
        var audit = await AuditAsync();
        Assert.Contains(audit, e => e.Action == "codes.generate" && e.Details!.Contains("12 single-use codes", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "round.update" && e.Details!.Contains("IIT OpenLink", StringComparison.Ordinal));
        Assert.All(codes.Value, code => Assert.DoesNotContain(audit, e => e.Details!.Contains(code, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Saved_OIT_evidence_is_scored_and_a_kept_URL_keeps_its_link_check()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var view = await _world.WithAsync<OitChecklist, OitChecklistView?>(c => c.LoadAsync(admin, _world.Ours.Id));
        foreach (var item in view!.Items.Values)
        {
            item.Present = item.Code != "O1";
            item.Urls = [new OitUrlEntry { Text = $"https://klongwan.go.th/{item.Code}" }];
        }
        await _world.WithAsync<OitChecklist, Outcome<IReadOnlyList<OitItemForm>>>(c => c.SaveAsync(admin, _world.Ours.Id, view.Items.Values.ToList()));
        await using (var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await db.OitEvidenceUrls.ExecuteUpdateAsync(s => s.SetProperty(u => u.LastStatus, 200).SetProperty(u => u.LastCheckedAt, new DateTime(2023, 5, 2, 3, 0, 0, DateTimeKind.Utc)), TestContext.Current.CancellationToken);
        }

        var o2 = (await _world.WithAsync<OitChecklist, OitChecklistView?>(c => c.LoadAsync(admin, _world.Ours.Id)))!.Items["O2"];
        o2.Urls.Add(new OitUrlEntry { Text = "https://klongwan.go.th/O2-more" });
        o2.Explanation = "ประกาศบนเว็บไซต์";
        var saved = await _world.WithAsync<OitChecklist, Outcome<IReadOnlyList<OitItemForm>>>(c => c.SaveAsync(admin, _world.Ours.Id, [o2]));
        var result = await _world.App.Services.GetRequiredService<RoundResults>().ForRoundAsync(_world.Ours.Id, TestContext.Current.CancellationToken);

        var urls = Assert.Single(saved.Value!).Urls;
        Assert.Equal("ok", urls[0].Check.Tone);
        Assert.Equal("pending", urls[1].Check.Tone);
        Assert.Contains(await AuditAsync(), e => e.Action == "oit.update" && e.Details == $"round {_world.Ours.Id}: O2: มี, 2 URL");
        Assert.True(result!.Assessment.Instrument("OIT").Score is > 90 and < 100); // 42 of 43 items present
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    public async Task A_bad_URL_anywhere_saves_nothing_and_names_the_item(string url)
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var view = (await _world.WithAsync<OitChecklist, OitChecklistView?>(c => c.LoadAsync(admin, _world.Ours.Id)))!;
        view.Items["O1"].Present = true;
        view.Items["O1"].Urls = [new OitUrlEntry { Text = "https://klongwan.go.th/structure" }];
        view.Items["O5"].Present = true;
        view.Items["O5"].Urls = [new OitUrlEntry { Text = url }];

        var outcome = await _world.WithAsync<OitChecklist, Outcome<IReadOnlyList<OitItemForm>>>(c => c.SaveAsync(admin, _world.Ours.Id, [view.Items["O1"], view.Items["O5"]]));

        Assert.False(outcome.Succeeded);
        Assert.Equal(["O5"], outcome.Errors.Fields);
        Assert.True(view.Items["O5"].Errors.Has("Url0"));
        var reloaded = await _world.WithAsync<OitChecklist, OitChecklistView?>(c => c.LoadAsync(admin, _world.Ours.Id));
        Assert.Null(reloaded!.Items["O1"].Present);
        Assert.Equal("URL ต้องเป็นที่อยู่เต็มที่ขึ้นต้นด้วย https:// หรือ http://", view.Items["O5"].Errors["Url0"]);
        await using var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await db.OitEvidenceUrls.ToListAsync(TestContext.Current.CancellationToken));
    }
}
