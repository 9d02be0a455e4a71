using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Imports;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Dashboards;

/// <summary>The round dashboard's change since last year: from a collected round, an imported official result, or both.</summary>
public class RoundDashboardPreviousYearTests : RoundDashboardTestBase
{
    [Fact]
    public async Task A_collected_previous_year_is_compared_with_welchs_test_on_per_respondent_scores()
    {
        var previous = await App.Services.GetRequiredService<RoundAdmin>()
            .CreateRoundAsync(Round.AgencyId, 2565, new DateOnly(2022, 4, 1), new DateOnly(2022, 6, 30), IitMode.OpenLink, Cancel);
        var before = Form(2565, "EIT");
        var now = Form(2566, "EIT");
        var random = new Random(7);
        await StoreAsync(previous.Id, "EIT", [.. Enumerable.Range(0, 12).Select(_ => Answers(before, random, low: true))]);
        await StoreAsync(Round.Id, "EIT", [.. Enumerable.Range(0, 12).Select(_ => Answers(now, random, low: false))]);

        var dashboard = await BuildAsync(Round.Id);
        var results = App.Services.GetRequiredService<RoundResults>();
        var then = (await results.AnalyzeAsync(previous.Id, Cancel))!;
        var current = (await results.AnalyzeAsync(Round.Id, Cancel))!;

        Assert.Equal(new PreviousYear(2565, PreviousSource.Collected, null, null), dashboard.Previous);
        var indicator = dashboard.Indicators.First(i => i.Instrument == "EIT");
        var expected = YearOverYear.Compare(then.Samples["EIT"].Respondents.Indicator(indicator.Code), current.Samples["EIT"].Respondents.Indicator(indicator.Code));
        Assert.Equal(expected, indicator.Change!.Test);
        Assert.Equal(ScoreRounding.Change(indicator.Score, then.Result.Assessment.Indicator(indicator.Code).Score), indicator.Change.Difference);
        Assert.Equal(ChangeVerdict.Rose, indicator.Change.Test!.Verdict);
    }

    [Fact]
    public async Task An_imported_official_previous_year_gives_differences_without_a_test()
    {
        await using (var db = await Database())
        {
            db.OfficialResults.Add(new OfficialResult
            {
                AgencyId = Round.AgencyId, FiscalYear = 2565, Total = 87.92,
                Indicators = [.. Enumerable.Range(1, 10).Select(i => new OfficialIndicatorScore { IndicatorCode = i.ToString(), Score = 80 })],
            });
            await db.SaveChangesAsync(Cancel);
        }
        var form = Form(2566, "EIT");
        await StoreAsync(Round.Id, "EIT", [.. Enumerable.Repeat(Enumerable.Range(0, form.FieldCount).Select(f => (byte)(form.LevelCounts[f] - 1)).ToArray(), 5)]);

        var dashboard = await BuildAsync(Round.Id);

        Assert.Equal(PreviousSource.Official, dashboard.Previous!.Source);
        Assert.Equal(87.92, dashboard.Previous.Total);
        var indicator = dashboard.Indicators.First(i => i.Instrument == "EIT");
        Assert.Null(indicator.Change!.Test);
        Assert.Equal(ScoreRounding.Change(indicator.Score, 80), indicator.Change.Difference);
    }

    [Fact]
    public async Task With_both_an_official_and_a_collected_previous_year_the_official_is_the_headline_and_the_test_uses_the_collected_samples()
    {
        var previous = await App.Services.GetRequiredService<RoundAdmin>()
            .CreateRoundAsync(Round.AgencyId, 2565, new DateOnly(2022, 4, 1), new DateOnly(2022, 6, 30), IitMode.OpenLink, Cancel);
        var random = new Random(11);
        await StoreAsync(previous.Id, "EIT", [.. Enumerable.Range(0, 8).Select(_ => Answers(Form(2565, "EIT"), random, low: true))]);
        await StoreAsync(Round.Id, "EIT", [.. Enumerable.Range(0, 8).Select(_ => Answers(Form(2566, "EIT"), random, low: false))]);
        await using (var db = await Database())
        {
            db.OfficialResults.Add(new OfficialResult
            {
                AgencyId = Round.AgencyId, FiscalYear = 2565, Total = 80.5,
                Indicators = [.. Enumerable.Range(1, 10).Select(i => new OfficialIndicatorScore { IndicatorCode = i.ToString(), Score = 70 })],
            });
            await db.SaveChangesAsync(Cancel);
        }

        var dashboard = await BuildAsync(Round.Id);

        Assert.Equal(PreviousSource.Official, dashboard.Previous!.Source);
        Assert.Equal(80.5, dashboard.Previous.Total);
        var indicator = dashboard.Indicators.First(i => i.Instrument == "EIT");
        Assert.Equal(ScoreRounding.Change(indicator.Score, 70), indicator.Change!.Difference); // as the trends page shows it
        Assert.NotNull(indicator.Change.Test); // both years collected here: Welch on per-respondent scores
    }

    private static byte[] Answers(CompiledQuestionnaire form, Random random, bool low) =>
        [.. Enumerable.Range(0, form.FieldCount).Select(f => (byte)Math.Max(0, form.LevelCounts[f] - 1 - (low ? random.Next(2, 4) : random.Next(0, 2))))];
}
