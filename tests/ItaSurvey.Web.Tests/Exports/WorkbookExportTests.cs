using System.Globalization;
using System.Net;
using static ItaSurvey.Web.Tests.TwoAgencyWorld;

namespace ItaSurvey.Web.Tests.Exports;

/// <summary>XLSX exports, read back and validated with the Open XML SDK.</summary>
public sealed class WorkbookExportTests : IAsyncLifetime
{
    private readonly ExportWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private async Task<(HttpResponseMessage Response, Workbook Workbook)> DownloadAsync(string file)
    {
        var browser = await _world.BrowserAsync();
        var response = await browser.GetAsync($"/admin/rounds/{_world.Ours.Id}/export/{file}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        return (response, Workbook.Read(await response.Content.ReadAsByteArrayAsync(Cancel)));
    }

    [Fact]
    public async Task The_responses_workbook_has_a_sheet_per_instrument_and_a_Thai_codebook()
    {
        var eit = await _world.StoreAsync("EIT", 7, (i, f) => f == 2 ? (byte)255 : (byte)((i + f) % 4));
        await _world.StoreAsync("IIT", 5, (i, f) => (byte)((i * f) % 4));
        _world.App.CloseRounds(); // an open round holds IIT rows back

        var (response, workbook) = await DownloadAsync("responses.xlsx");

        Assert.Equal($"round-{_world.Ours.Id}-2566-responses.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(["IIT", "EIT", "codebook"], workbook.SheetNames);
        var iitLayout = _world.Layout("IIT");
        Assert.Equal(["instrument", .. iitLayout.FieldCodes, "quality"], workbook.Sheets["IIT"][0]);
        Assert.Equal(6, workbook.Sheets["IIT"].Count);
        var sheet = workbook.Sheets["EIT"];
        Assert.Equal(["instrument", "submittedOn", "respondentGroup", .. _world.Layout("EIT").FieldCodes, "quality"], sheet[0]);
        Assert.Equal(8, sheet.Count);
        foreach (var (row, stored) in sheet[1..].Zip(eit))
        {
            Assert.Equal("EIT", row[0]);
            // Excel keeps a date as days since 30 December 1899.
            Assert.Equal(stored.SubmittedOn.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(stored.RespondentGroup, row[2]);
            Assert.Equal(stored.Answers.Select(a => a == 255 ? "" : a.ToString(CultureInfo.InvariantCulture)), row[3..^1]);
            Assert.Equal("", row[^1]); // no signal
        }

        var codebook = workbook.Sheets["codebook"];
        Assert.Equal(["instrument", "field", "question", "questionTh", "itemTh", "level", "labelTh"], codebook[0]);
        var firstIit = codebook.Where(r => r[0] == "IIT" && r[1] == iitLayout.FieldCodes[0]).ToList();
        var question = iitLayout.Questionnaire.Questions[iitLayout.FieldQuestion[0]];
        var scale = iitLayout.Model.FindScale(question.Scale)!;
        Assert.Equal(scale.Levels.Select(l => l.Label.Th), firstIit.Select(r => r[6]));
        Assert.Equal(Enumerable.Range(0, scale.Levels.Count).Select(l => l.ToString(CultureInfo.InvariantCulture)), firstIit.Select(r => r[5]));
        Assert.All(firstIit, r => Assert.Equal(question.Text.Th, r[3]));
        Assert.Contains(codebook, r => r[3].Any(c => c is >= '\u0E00' and <= '\u0E7F'));
        var quality = codebook.Where(r => r[0] == "EIT" && r[1] == "quality").ToList();
        Assert.Equal(["too-fast", "straight-lined", "contradictory", "duplicate"], quality.Select(r => r[5]));
        Assert.Equal("ส่งเร็วเกินกว่าจะอ่านคำถาม", quality[0][6]);
        Assert.Equal(1 + iitLayout.LevelCounts.Sum(l => l) + _world.Layout("EIT").LevelCounts.Sum(l => l) + (2 * quality.Count), codebook.Count);
    }

    [Fact]
    public async Task An_instrument_below_k_keeps_its_sheet_with_the_reason_instead_of_rows()
    {
        await _world.StoreAsync("IIT", 4, (_, _) => 3);
        await _world.StoreAsync("EIT", 5, (_, _) => 1);

        var (_, workbook) = await DownloadAsync("responses.xlsx");

        Assert.Equal(2, workbook.Sheets["IIT"].Count);
        Assert.Contains("น้อยกว่า 5 คำตอบ", workbook.Sheets["IIT"][1][0], StringComparison.Ordinal);
        Assert.DoesNotContain(workbook.Sheets["IIT"][1..], r => r.Contains("3"));
        Assert.Equal(6, workbook.Sheets["EIT"].Count);
    }

    [Fact]
    public async Task With_both_instruments_below_k_there_is_no_workbook_but_a_reason()
    {
        await _world.StoreAsync("IIT", 4, (_, _) => 3);
        await _world.StoreAsync("EIT", 2, (_, _) => 1);
        var browser = await _world.BrowserAsync();

        var response = await browser.GetAsync($"/admin/rounds/{_world.Ours.Id}/export/responses.xlsx", Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("IIT 4, EIT 2", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_results_workbook_has_a_sheet_per_level()
    {
        await _world.StoreAsync("IIT", 5, (i, f) => (byte)((i + f) % 4));
        await _world.StoreAsync("EIT", 5, (i, f) => (byte)((i + 2 * f) % 4));

        var (response, workbook) = await DownloadAsync("results.xlsx");

        Assert.Equal($"round-{_world.Ours.Id}-2566-results.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(["total", "instrument", "indicator", "subindicator", "question"], workbook.SheetNames);
        Assert.All(workbook.Sheets.Values, s => Assert.Equal(["level", "code", "nameTh", "score", "rating", "responses", "withheld", "note"], s[0]));
        Assert.Equal(["IIT", "EIT", "OIT"], workbook.Sheets["instrument"][1..].Select(r => r[1]));
        Assert.Equal(10, workbook.Sheets["indicator"].Count - 1);
        Assert.Equal("5", workbook.Sheets["instrument"][1][5]);
    }
}
