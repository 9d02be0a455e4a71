using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Commands;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Imports;
using ItaSurvey.Web.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Imports;

/// <summary>The import-results verb and the /admin/import page over the real app and database.</summary>
public class ImportResultsTests : IAsyncLifetime
{
    private const string Header = "agency,province,fiscal_year,ind1,ind2,ind3,ind4,ind5,ind6,ind7,ind8,ind9,ind10,total";

    private readonly SurveyApp _app = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("itasurvey-import-").FullName;
    private int _agencyId;

    public async ValueTask InitializeAsync()
    {
        var admin = _app.Services.GetRequiredService<RoundAdmin>();
        _agencyId = (await admin.CreateAgencyAsync(new Agency
        {
            NameTh = "องค์การบริหารส่วนจังหวัดตราด", Province = "ตราด", AgencyGroup = "sao-l", StaffHeadcount = 300,
        })).Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string Good = $"""
        {Header}
        องค์การบริหารส่วนจังหวัดตราด,ตราด,2563,92.57,86.13,90.08,85.98,88.04,83.67,82.11,79.29,69.94,52.78,75.62
        องค์การบริหารส่วนจังหวัดตราด,ตราด,2564,93.55,87.72,91.01,87.93,89.52,90.55,88.68,88.58,72.89,65.56,81.45
        """;

    [Fact]
    public async Task The_verb_imports_a_file_and_importing_the_same_agency_and_year_again_replaces_it()
    {
        var (code, output, _) = await RunVerbAsync(Good);
        var (againCode, againOutput, _) = await RunVerbAsync(Good.Replace("81.45", "81.46", StringComparison.Ordinal));

        Assert.Equal((0, "2 results imported."), (code, output.Trim()));
        Assert.Equal((0, "2 results imported."), (againCode, againOutput.Trim()));
        await using var db = await NewDbAsync();
        var results = await db.OfficialResults.Include(r => r.Indicators).OrderBy(r => r.FiscalYear).ToListAsync(Cancel);
        Assert.Equal([2563, 2564], results.Select(r => r.FiscalYear));
        Assert.Equal(81.46, results[1].Total);
        Assert.Equal(10, results[1].Indicators.Count);
        Assert.Equal(65.56, results[1].Indicators.Single(i => i.IndicatorCode == "10").Score);
        var audit = await db.AuditEntries.Where(a => a.Action == "results.import").OrderBy(a => a.Id).ToListAsync(Cancel);
        Assert.Equal(2, audit.Count); // one per agency per import
        Assert.All(audit, a => Assert.Equal((_agencyId, "cli"), (a.AgencyId, a.Actor)));
        Assert.Equal("fiscal years 2563, 2564; replaced 2563, 2564", audit[1].Details);
    }

    [Fact]
    public async Task The_verb_lists_every_error_and_imports_nothing_when_one_row_is_wrong()
    {
        var (code, _, errors) = await RunVerbAsync(Good + "\nองค์การบริหารส่วนจังหวัดตราด,ตราด,2565,94,92,9x.5,93,91,94,93,92,53,100,");

        Assert.Equal(1, code);
        Assert.Contains("แถว 4 คอลัมน์ ind3: '9x.5' ไม่ใช่ตัวเลข", errors, StringComparison.Ordinal);
        Assert.Contains("Nothing imported: 1 error(s)", errors, StringComparison.Ordinal);
        await using var db = await NewDbAsync();
        Assert.False(await db.OfficialResults.AnyAsync(Cancel));
    }

    [Fact]
    public async Task A_system_administrator_uploads_the_file_on_the_import_page_and_sees_how_many_results_were_imported()
    {
        var browser = await SignedInAsync(Roles.SystemAdmin);

        var page = await UploadAsync(browser, Good);

        Assert.Contains("นำเข้าผลการประเมิน 2 รายการแล้ว", page, StringComparison.Ordinal);
        await using var db = await NewDbAsync();
        Assert.Equal(2, await db.OfficialResults.CountAsync(Cancel));
        Assert.All(await db.AuditEntries.Where(a => a.Action == "results.import").ToListAsync(Cancel), a => Assert.EndsWith("@example.test", a.Actor, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_import_page_shows_every_error_in_Thai_and_imports_nothing()
    {
        var browser = await SignedInAsync(Roles.SystemAdmin);

        var page = await UploadAsync(browser, $"""
            {Header}
            องค์การบริหารส่วนจังหวัดตราด,ตราด,2564,93.55,87.72,91.01,87.93,89.52,90.55,88.68,88.58,72.89,65.56,81.45
            เทศบาลเมืองตราด,ตราด,2564,93.55,87.72,91.01,87.93,89.52,90.55,88.68,88.58,72.89,65.56,81.45
            องค์การบริหารส่วนจังหวัดตราด,ตราด,2564,93.55,87.72,101,87.93,89.52,90.55,88.68,88.58,72.89,65.56,81.45
            """);

        var items = new HtmlParser().ParseDocument(page).QuerySelectorAll(".error-summary li").Select(li => li.TextContent).ToList();
        Assert.Equal(
        [
            "แถว 3 คอลัมน์ agency: ไม่พบหน่วยงาน 'เทศบาลเมืองตราด' จังหวัด 'ตราด' ในระบบ (ชื่อภาษาไทยและจังหวัดต้องตรงกับที่บันทึกไว้ทุกตัวอักษร)",
            "แถว 4 คอลัมน์ ind3: คะแนน 101 ต้องอยู่ระหว่าง 0 ถึง 100",
        ], items);
        await using var db = await NewDbAsync();
        Assert.False(await db.OfficialResults.AnyAsync(Cancel));
    }

    [Fact]
    public async Task An_agency_administrator_is_turned_away_from_the_import_page()
    {
        var browser = await SignedInAsync(Roles.AgencyAdmin, _agencyId);

        var response = await browser.GetAsync("/admin/import", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Errors)> RunVerbAsync(string csv)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), Cancel);
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await ImportCommands.ImportAsync(_app.Services, new CommandOptions(["--file", path]), output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    private async Task<HttpClient> SignedInAsync(string role, params int[] agencies)
    {
        var (email, password) = await _app.CreateUserAsync(role, agencies);
        return await _app.SignedInBrowserAsync(email, password);
    }

    private static async Task<string> UploadAsync(HttpClient browser, string csv)
    {
        var document = new HtmlParser().ParseDocument(await browser.GetStringAsync("/admin/import", Cancel));
        var form = document.QuerySelector<IHtmlFormElement>("form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "results.csv");

        var response = await browser.PostAsync("/admin/import", content, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private async Task<ItaDbContext> NewDbAsync() =>
        await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
}
