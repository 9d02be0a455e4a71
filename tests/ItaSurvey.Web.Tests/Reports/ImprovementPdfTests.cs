using System.Net;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Reports;
using ItaSurvey.Web.Surveys;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace ItaSurvey.Web.Tests.Reports;

public class ImprovementPdfTests : IAsyncLifetime
{
    private readonly ReportWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<ImprovementReportForm> DraftAsync(Action<ImprovementReportForm>? fill = null)
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var form = (await _world.Reports(s => s.CreateAsync(admin, _world.Ours.Id, Cancel))).Value!;
        if (fill is not null)
        {
            fill(form);
            var saved = await _world.Reports(s => s.SaveAsync(admin, _world.Ours.Id, form, Cancel));
            Assert.True(saved.Succeeded);
        }
        return form;
    }

    private async Task<PrintedReport> PrintedAsync()
    {
        var admin = await _world.PrincipalAsync(Roles.Viewer, _world.OurAgencyId);
        var view = await _world.Views(s => s.LoadAsync(admin, _world.Ours.Id, Cancel));
        return PrintedReport.From(view!, _world.App.Services.GetRequiredService<SurveyLibrary>());
    }

    private static List<string> PagesOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(PdfReading.Text).ToList();
    }

    [Fact]
    public async Task The_drafted_report_downloads_as_two_A4_pages_whose_Thai_text_reads_back_as_the_reports_in_order()
    {
        await DraftAsync(form => (form.Items[0].PlannedAction, form.Items[0].Owner, form.Items[0].EvidenceUrl) =
            ("งานนโยบายและแผนปรับปรุงข้อมูลโครงสร้างบนเว็บไซต์ให้เป็นปัจจุบัน", "สำนักปลัด", "https://www.khlongwan.example/ita/o4"));
        var browser = await _world.BrowserAsync(Roles.Viewer);

        var response = await browser.GetAsync($"/admin/rounds/{_world.Ours.Id}/report.pdf", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        using (var document = PdfDocument.Open(bytes))
        {
            Assert.Equal(595, document.GetPage(1).Width, 0);
            Assert.Equal(842, document.GetPage(1).Height, 0);
        }
        // The title block and seven rows of section 1 (each missing item's weakness on four or five lines) fill
        // page 1; a row is never cut, so the last rows and section 2 go on page 2 under the table header again.
        var pages = PagesOf(bytes);
        Assert.Equal(2, pages.Count);
        Assert.StartsWith(PdfReading.Squeezed(string.Concat(ImprovementPdf.Columns.Select(c => c.Heading))), PdfReading.Squeezed(pages[1]), StringComparison.Ordinal);
        var printed = await PrintedAsync();
        var expected = new List<string> { printed.Title, printed.Subtitle, printed.Agency, printed.Opening, printed.Closing };
        expected.AddRange(printed.Withheld);
        foreach (var section in printed.Sections)
        {
            expected.Add($"{section.Number}. {section.Heading}");
            expected.Add(section.Lead);
            expected.AddRange(section.Rows.SelectMany(ImprovementPdf.Cells).Where(c => c.Length > 0));
        }
        expected.Add(printed.Footer);
        var text = PdfReading.Squeezed(string.Concat(pages));
        var at = 0;
        foreach (var piece in expected.Select(PdfReading.Squeezed))
        {
            var found = text.IndexOf(piece, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"Not found after position {at}: {piece}");
            at = found + piece.Length;
        }
        Assert.Contains("หน้า1จาก2", text, StringComparison.Ordinal);
        Assert.Contains("งานนโยบายและแผนปรับปรุงข้อมูลโครงสร้างบนเว็บไซต์ให้เป็นปัจจุบันหลักฐาน:https://www.khlongwan.example/ita/o4", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_actions_run_over_pages_each_with_the_table_header_again_and_its_number_of_all()
    {
        var action = string.Join(" ", Enumerable.Repeat("จัดประชุมชี้แจงบุคลากรทุกกองเรื่องการเผยแพร่ข้อมูลสาธารณะและติดตามผลทุกเดือน", 20));
        await DraftAsync(form => form.Items.ForEach(i => i.PlannedAction = action));
        var browser = await _world.BrowserAsync(Roles.AgencyAdmin);

        var pages = PagesOf(await browser.GetByteArrayAsync($"/admin/rounds/{_world.Ours.Id}/report.pdf", Cancel));

        // Each row is some 55 lines of 12.3 points (the action at about 26 characters a line), more than half of
        // the 740 points a page holds: nine rows need nine pages or more, plus at most one for the title block
        // and the pieces a row is cut into.
        Assert.InRange(pages.Count, 9, 12);
        for (var i = 0; i < pages.Count; i++)
        {
            var text = PdfReading.Squeezed(pages[i]);
            Assert.EndsWith($"หน้า{i + 1}จาก{pages.Count}", text, StringComparison.Ordinal);
            // Every page of section 1's table repeats its header; the last page holds section 2, which has no rows.
            Assert.Contains(i < pages.Count - 1 ? "แนวทางปฏิบัติเพื่อยกระดับตัวชี้วัด" : "2.ประเด็นที่ต้องพัฒนาให้ดีขึ้นไม่มีประเด็นในส่วนนี้", text, StringComparison.Ordinal);
        }
        // Nothing is lost where rows are cut: ธ (in สาธารณะ, and in no header, footer or page number) comes
        // back as often as the report's text holds it.
        var printed = await PrintedAsync();
        var source = new[] { printed.Title, printed.Subtitle, printed.Agency, printed.Opening, printed.Closing }.Concat(printed.Withheld)
            .Concat(printed.Sections.SelectMany(s => new[] { s.Heading, s.Lead }.Concat(s.Rows.SelectMany(ImprovementPdf.Cells))));
        Assert.Equal(string.Concat(source).Count(c => c == 'ธ'), pages.Sum(p => p.Count(c => c == 'ธ')));
        Assert.True(string.Concat(source).Count(c => c == 'ธ') >= 9 * 20);
    }

    [Fact]
    public async Task Another_agencys_administrator_and_a_round_without_a_report_get_404()
    {
        var theirs = await _world.App.CreateUserAsync(Roles.AgencyAdmin, _world.Other.AgencyId);
        var browser = await _world.App.SignedInBrowserAsync(theirs.Email, theirs.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/rounds/{_world.Other.Id}/report.pdf", Cancel)).StatusCode);
        await DraftAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/rounds/{_world.Ours.Id}/report.pdf", Cancel)).StatusCode);
    }
}
