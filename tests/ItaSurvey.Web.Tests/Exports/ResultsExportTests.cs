using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ItaSurvey.Web.Tests.TwoAgencyWorld;

namespace ItaSurvey.Web.Tests.Exports;

/// <summary>The results CSV against the round scored by RoundResults.</summary>
public sealed class ResultsExportTests : IAsyncLifetime
{
    private readonly ExportWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private async Task RecordOitAsync()
    {
        var oit = _world.App.Services.GetRequiredService<SurveyLibrary>().LatestCompiled(2566, "OIT");
        await using var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        db.OitEvidence.AddRange(oit.FieldCodes.Select((code, i) => new OitEvidence { RoundId = _world.Ours.Id, ItemCode = code, Present = i % 4 != 0 }));
        await db.SaveChangesAsync(Cancel);
    }

    private async Task<(List<string[]> Rows, RoundResult Expected)> ExportAsync()
    {
        var browser = await _world.BrowserAsync();
        var rows = await CsvWithThaiAsync(await browser.GetAsync($"/admin/rounds/{_world.Ours.Id}/export/results.csv", Cancel));
        return (rows, (await _world.App.Services.GetRequiredService<RoundResults>().ForRoundAsync(_world.Ours.Id, Cancel))!);
    }

    // Thai names may hold commas: parse with CsvHelper rather than splitting.
    private static async Task<List<string[]>> CsvWithThaiAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = new List<string[]>();
        using var csv = CsvHelper.CsvReader.Create(bytes[3..], new CsvHelper.CsvReaderOptions { HasHeader = false });
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i))]);
        }
        return rows;
    }

    [Fact]
    public async Task Every_figure_matches_RoundResults_as_ITA_shows_it_with_Thai_names_intact()
    {
        await _world.StoreAsync("IIT", 6, (i, f) => (byte)((i + f) % 4));
        _world.App.CloseRounds(); // an open round holds IIT figures back
        await _world.StoreAsync("EIT", 7, (i, f) => (byte)((i * 3 + f) % 4));
        await RecordOitAsync();

        var (rows, expected) = await ExportAsync();

        var model = _world.Layout("IIT").Model;
        var assessment = expected.Assessment;
        Assert.Equal(["level", "code", "nameTh", "score", "rating", "responses", "withheld", "note"], rows[0]);
        Assert.NotNull(assessment.Total);
        Assert.Equal(["total", "ITA", model.Name.Th, ScoreRounding.Display(assessment.Total), assessment.Rating!.Name.Th, "", "false", ""], rows[1]);
        var instruments = rows.Where(r => r[0] == "instrument").ToList();
        Assert.Equal(assessment.Instruments.Select(i => (i.Code, ScoreRounding.Display(i.Score))), instruments.Select(r => (r[1], r[3])));
        Assert.Equal(["6", "7", ""], instruments.Select(r => r[5]));
        var indicators = rows.Where(r => r[0] == "indicator").ToList();
        Assert.Equal(assessment.Indicators.Select(i => (i.Code, model.FindIndicator(i.Code)!.Name.Th, ScoreRounding.Display(i.Score))),
            indicators.Select(r => (r[1], r[2], r[3])));
        var questions = rows.Where(r => r[0] == "question").ToList();
        var expectedQuestions = assessment.Questionnaires.Values.SelectMany(q => q.Questions).ToList();
        Assert.Equal(expectedQuestions.Select(q => (q.Code, ScoreRounding.Display(q.Score))), questions.Select(r => (r[1], r[3])));
        Assert.Contains(questions, q => q[2].Any(c => c is >= '\u0E00' and <= '\u0E7F'));
        Assert.All(rows[1..], r => Assert.Equal("false", r[6]));
    }

    [Fact]
    public async Task A_withheld_instrument_has_no_scores_but_the_reason()
    {
        await _world.StoreAsync("IIT", 4, (i, f) => (byte)((i + f) % 4));
        await _world.StoreAsync("EIT", 5, (i, f) => (byte)((i + f) % 4));

        var (rows, expected) = await ExportAsync();

        Assert.Equal(["IIT"], expected.Withheld);
        var iit = rows.Where(r => r[0] != "total" && (r[1] == "IIT" || IndicatorOf(r, "IIT", expected))).ToList();
        Assert.NotEmpty(iit);
        Assert.All(iit, r => Assert.Equal(("", "true", expected.WithheldMessage.Th), (r[3], r[6], r[7])));
        Assert.Equal(("", "true"), (rows[1][3], rows[1][6])); // the total is built on the withheld instrument
        var eit = rows.Single(r => r[0] == "instrument" && r[1] == "EIT");
        Assert.Equal((ScoreRounding.Display(expected.Assessment.Instrument("EIT").Score), "false"), (eit[3], eit[6]));
        Assert.Equal("4", rows.Single(r => r[0] == "instrument" && r[1] == "IIT")[5]);
    }

    private static bool IndicatorOf(string[] row, string instrument, RoundResult result) => row[0] switch
    {
        "indicator" => result.Assessment.Indicators.Any(i => i.Code == row[1] && i.Instrument == instrument),
        "question" => result.Assessment.Questionnaires[instrument].Questions.Any(q => q.Code == row[1]),
        _ => false,
    };
}
