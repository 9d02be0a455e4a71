using System.Net;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Reports;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace ItaSurvey.Web.Tests.Reports;

public class ImprovementAttachTests : IAsyncLifetime
{
    private readonly ReportWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<ReportOutcome<AttachedReport>> AttachAsync(System.Security.Claims.ClaimsPrincipal user, int? roundId = null)
    {
        using var scope = _world.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImprovementAttachments>().AttachToNextYearAsync(user, roundId ?? _world.Ours.Id, Cancel);
    }

    private async Task<int> RoundAsync(int year) =>
        (await _world.App.Services.GetRequiredService<RoundAdmin>().CreateRoundAsync(_world.OurAgencyId, year,
            new DateOnly(year - 543 - 1, 4, 1), new DateOnly(year - 543 - 1, 6, 30), IitMode.OpenLink)).Id;

    private async Task<System.Security.Claims.ClaimsPrincipal> DraftedAsync(int? roundId = null)
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        Assert.True((await _world.Reports(s => s.CreateAsync(admin, roundId ?? _world.Ours.Id, Cancel))).Succeeded);
        return admin;
    }

    [Fact]
    public void The_measures_item_is_found_in_each_years_checklist_and_2568_has_none()
    {
        var catalog = _world.App.Services.GetRequiredService<SurveyLibrary>().Current;

        foreach (var year in new[] { 2564, 2565, 2566, 2567 })
        {
            Assert.Equal("O42", ImprovementAttachments.MeasuresItem(catalog.Year(year))!.Code);
        }
        Assert.Null(ImprovementAttachments.MeasuresItem(catalog.Year(2568)));
    }

    [Fact]
    public async Task Attaching_stores_the_PDF_at_a_stable_address_and_records_it_as_next_years_O42_in_one_audited_step()
    {
        var admin = await DraftedAsync();
        var next = await RoundAsync(2567);

        var outcome = await AttachAsync(admin);

        Assert.True(outcome.Succeeded, outcome.Failure?.ToString());
        var attached = outcome.Value!;
        Assert.Equal((next, 2567, "O42"), (attached.NextRoundId, attached.FiscalYear, attached.ItemCode));
        Assert.Matches($"^{SurveyApp.PublicBaseUrl}/ita/files/[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{{12}}/improvement-report-2566.pdf$", attached.Url);
        await using (var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel))
        {
            var evidence = await db.OitEvidence.Include(e => e.Urls).SingleAsync(e => e.RoundId == next && e.ItemCode == "O42", Cancel);
            Assert.True(evidence.Present);
            var url = Assert.Single(evidence.Urls);
            Assert.Equal(attached.Url, url.Url);
            Assert.Contains("ปีงบประมาณ พ.ศ. 2566", url.Label, StringComparison.Ordinal);
            Assert.NotNull(evidence.UpdatedAt);
        }
        var file = await _world.App.NewBrowser().GetAsync(attached.Url[SurveyApp.PublicBaseUrl.Length..], Cancel);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        using (var pdf = PdfDocument.Open(await file.Content.ReadAsByteArrayAsync(Cancel)))
        {
            Assert.Contains(PdfReading.Squeezed(TwoAgencyWorld.OurName), PdfReading.Squeezed(PdfReading.Text(pdf.GetPage(1))), StringComparison.Ordinal);
        }
        var audit = (await _world.AuditAsync()).Single(a => a.Action == "report.attach");
        Assert.Equal(_world.OurAgencyId, audit.AgencyId);
        Assert.Contains("O42", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attaching_again_replaces_the_link_and_the_earlier_file_stays_at_its_address()
    {
        var admin = await DraftedAsync();
        var next = await RoundAsync(2567);
        var first = (await AttachAsync(admin)).Value!;

        var second = (await AttachAsync(admin)).Value!;

        Assert.NotEqual(first.Url, second.Url);
        await using var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        var urls = await db.OitEvidenceUrls.Where(u => db.OitEvidence.Any(e => e.Id == u.EvidenceId && e.RoundId == next)).Select(u => u.Url).ToListAsync(Cancel);
        Assert.Equal([second.Url], urls);
        Assert.Equal(HttpStatusCode.OK, (await _world.App.NewBrowser().GetAsync(first.Url[SurveyApp.PublicBaseUrl.Length..], Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _world.App.NewBrowser().GetAsync("/ita/files/ZZZZZZZZZZZZ/improvement-report-2566.pdf", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _world.App.NewBrowser().GetAsync(first.Url[SurveyApp.PublicBaseUrl.Length..].Replace("2566", "2565", StringComparison.Ordinal), Cancel)).StatusCode);
    }

    [Fact]
    public async Task Without_a_next_round_or_a_measures_item_or_the_right_to_edit_nothing_is_stored_and_the_message_says_why()
    {
        var admin = await DraftedAsync();

        var none = await AttachAsync(admin);
        Assert.Equal("หน่วยงานยังไม่มีรอบการประเมินปีงบประมาณ พ.ศ. 2567 สร้างรอบของปีนั้นก่อน แล้วจึงแนบรายงานเป็นหลักฐาน",
            ReportFailureText.Message(none.Failure!).Th);

        var round2567 = await RoundAsync(2567);
        await RoundAsync(2568);
        await DraftedAsync(round2567);
        var noItem = await AttachAsync(admin, round2567);
        Assert.IsType<ReportFailure.NoMeasuresItem>(noItem.Failure);
        Assert.StartsWith("แบบตรวจ OIT ของปีงบประมาณ พ.ศ. 2568 ไม่มีข้อ “มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน”", ReportFailureText.Message(noItem.Failure!).Th, StringComparison.Ordinal);

        var viewer = await _world.PrincipalAsync(Roles.Viewer, _world.OurAgencyId);
        Assert.IsType<ReportFailure.Denied>((await AttachAsync(viewer)).Failure);

        await using var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        Assert.Equal(0, await db.PublishedDocuments.CountAsync(Cancel));
        Assert.DoesNotContain(await _world.AuditAsync(), a => a.Action == "report.attach");
    }
}
