using System.Globalization;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Attacks;

/// <summary>
/// Script and markup stored in every text a user can type (agency names, OIT URLs, explanations
/// and check results, report rows, e-mail addresses), written straight into the database as any
/// path, old or new, might have stored it: every page renders it as text, and every CSV and XLSX
/// export neutralises what a spreadsheet would run as a formula.
/// </summary>
public sealed class InjectionTests : IAsyncLifetime
{
    private const string Script = "<script>window.__x=1</script><img src=x onerror=alert(1)><svg/onload=alert(1)>\"'&";

    private static readonly string[] Formulas = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1"];

    // The round's public ITA page, published with the hostile labels below.
    private const string PublicItaPage = "/ita/HSTXE2/2566";

    private readonly SurveyApp _app = new();
    private TestRound _round = null!;
    private string _email = null!;
    private string _password = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _round = await _app.CreateRoundAsync(agencyName: "เทศบาล" + Script);
        (_email, _password) = await _app.CreateUserAsync(Roles.SystemAdmin);
        await _app.CreateUserAsync(Roles.Viewer, _round.AgencyId); // listed on the users page
        await StoreHostileTextAsync();
    }

    public async ValueTask DisposeAsync()
    {
        AttackLedger.Write();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Script_stored_in_any_typed_text_is_rendered_as_text_on_every_page()
    {
        var browser = await _app.SignedInBrowserAsync(_email, _password);
        var code = (await _app.AccessCodesAsync(_round.Id, 1))[0];
        var pages = AdminPages().Concat([$"/go/eit/{_round.EitCode}", $"/go/iit/{_round.IitCode}?k={code}", $"/go/iit/{_round.IitCode}", PublicItaPage]).ToList();
        Assert.True(pages.Count >= 15, $"only {pages.Count} pages");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetAsync(PublicItaPage, Cancel)).StatusCode); // published, so its labels are on it

        foreach (var page in pages)
        {
            var response = await browser.GetAsync(page, Cancel);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var html = await response.Content.ReadAsStringAsync(Cancel);
            var document = new HtmlParser().ParseDocument(html);
            var live = document.All.Where(e =>
                    e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    || (e.LocalName == "script" && e.TextContent.Contains("__x", StringComparison.Ordinal))
                    || (e.GetAttribute("href") ?? e.GetAttribute("src") ?? "").TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                .Select(e => e.OuterHtml[..Math.Min(120, e.OuterHtml.Length)]).ToList();
            AttackLedger.Record("script in typed text", live.Count > 0, false);
            Assert.True(live.Count == 0, $"{page}: {string.Join(" | ", live)}");
        }
    }

    [Fact]
    public async Task Every_CSV_and_XLSX_export_neutralises_formulas()
    {
        _app.CloseRounds();
        var browser = await _app.SignedInBrowserAsync(_email, _password);
        var exports = new[]
        {
            $"/admin/rounds/{_round.Id}/report.csv",
            $"/admin/rounds/{_round.Id}/export/responses.csv?instrument=EIT", $"/admin/rounds/{_round.Id}/export/responses.csv?instrument=IIT",
            $"/admin/rounds/{_round.Id}/export/results.csv", $"/admin/rounds/{_round.Id}/export/responses.xlsx", $"/admin/rounds/{_round.Id}/export/results.xlsx",
        };
        var checkedCells = 0;
        foreach (var url in exports)
        {
            var response = await browser.GetAsync(url, Cancel);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
            var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
            if (url.Contains(".xlsx", StringComparison.Ordinal))
            {
                // A text cell of a workbook is never run; only formula cells are, and there must be none.
                checkedCells += CountCellsWithoutFormulas(bytes, url);
                continue;
            }
            foreach (var cell in CsvCells(bytes))
            {
                checkedCells++;
                var risky = cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
                    && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                AttackLedger.Record("formula in an export", risky, false);
                Assert.False(risky, $"{url}: a cell starts a formula: {cell}");
            }
        }
        Assert.True(checkedCells > 100, $"only {checkedCells} cells checked");
    }

    private IEnumerable<string> AdminPages()
    {
        var routes = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!)
            .Where(raw => raw.StartsWith("/admin", StringComparison.Ordinal) && !raw.Contains("account", StringComparison.Ordinal))
            .Distinct();
        foreach (var raw in routes)
        {
            yield return string.Join('/', raw.Split('/').Select((segment, i) => !segment.Contains('{') ? segment
                : segment.Contains("instrument", StringComparison.Ordinal) ? segment[..segment.IndexOf('{')] + "eit" + segment[(segment.IndexOf('}') + 1)..]
                : raw.Split('/')[i - 1] == "agencies" ? _round.AgencyId.ToString(CultureInfo.InvariantCulture)
                : _round.Id.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private async Task StoreHostileTextAsync()
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync((await users.FindByEmailAsync(_email))!);
        var drafted = await scope.ServiceProvider.GetRequiredService<ImprovementReports>().CreateAsync(admin, _round.Id, Cancel);
        Assert.True(drafted.Succeeded);

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        var agency = await db.Agencies.SingleAsync(a => a.Id == _round.AgencyId, Cancel);
        agency.NameEn = Script;
        agency.Province = "ประจวบ" + Script;
        agency.PublicCode = PublicItaPage.Split('/')[2];
        (await db.Rounds.SingleAsync(r => r.Id == _round.Id, Cancel)).PublicPage = true;
        db.OitEvidence.Add(new OitEvidence
        {
            RoundId = _round.Id, ItemCode = "O1", Present = true, Explanation = Formulas[0] + Script,
            Urls =
            [
                new OitEvidenceUrl { Url = "https://www.example.test/\"><script>window.__x=1</script>", LastError = Script, LastStatus = 200, LastCheckedAt = DateTime.UtcNow, Label = Script },
                new OitEvidenceUrl { Url = "javascript:alert(1)", Label = Formulas[0] + Script },
            ],
        });
        var report = await db.ImprovementReports.SingleAsync(r => r.RoundId == _round.Id, Cancel);
        for (var i = 0; i < Formulas.Length; i++)
        {
            db.ImprovementItems.Add(new ImprovementItem
            {
                ReportId = report.Id, Section = ItaSurvey.Core.Improvement.ImprovementSection.Urgent, IndicatorCode = "9",
                SourceKind = ItaSurvey.Core.Improvement.WeaknessSource.OitItem, SourceCode = "O" + (i + 1), Weakness = Formulas[i] + Script, SortOrder = i,
            });
        }
        await db.SaveChangesAsync(Cancel);
        var items = await db.ImprovementItems.ToListAsync(Cancel);
        for (var i = 0; i < items.Count; i++)
        {
            items[i].PlannedAction = Formulas[i % Formulas.Length] + Script;
            items[i].Owner = Formulas[(i + 1) % Formulas.Length];
            items[i].EvidenceUrl = i % 2 == 0 ? "javascript:alert(1)" : "https://www.example.test/\" onmouseover=\"alert(1)";
        }
        var viewer = await db.Users.FirstAsync(u => u.Email!.StartsWith("viewer"), Cancel);
        viewer.Email = "x\"" + Script + "@example.test";
        viewer.NormalizedEmail = viewer.Email.ToUpperInvariant();
        await db.SaveChangesAsync(Cancel);
    }

    private static IEnumerable<string> CsvCells(byte[] bytes)
    {
        // .NET's own CSV reader: quoted fields, commas and line breaks inside them.
        using var csv = new Microsoft.VisualBasic.FileIO.TextFieldParser(new MemoryStream(bytes), System.Text.Encoding.UTF8) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        csv.SetDelimiters(",");
        while (!csv.EndOfData)
        {
            foreach (var cell in csv.ReadFields() ?? [])
            {
                yield return cell;
            }
        }
    }

    private static int CountCellsWithoutFormulas(byte[] bytes, string url)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var cells = 0;
        foreach (var sheet in document.WorkbookPart!.WorksheetParts)
        {
            var formulas = sheet.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>().Count();
            AttackLedger.Record("formula in an export", formulas > 0, false);
            Assert.True(formulas == 0, $"{url}: {formulas} formula cells");
            cells += sheet.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Count();
        }
        return cells;
    }
}
