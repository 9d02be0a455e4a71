using ItaSurvey.Web.Commands;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Demo;
using ItaSurvey.Web.ScoredResults;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Demo;

public class SeedDemoTests : IAsyncLifetime
{
    /// <summary>
    /// The demo's missing OIT items in 2565 (2565 numbering): the seed report's 14, except that its
    /// 53.99 needs two missing in 9.4 and three in 9.2 (O27 for O16).
    /// </summary>
    private static readonly string[] MissingIn2565 = ["O4", "O11", "O15", "O17", "O18", "O19", "O20", "O23", "O24", "O27", "O28", "O29", "O30", "O31"];

    private readonly SurveyApp _surveyApp = new();
    private WebApplicationFactory<Program> _app = null!;

    public ValueTask InitializeAsync()
    {
        // The demo's evidence URLs are on a fictional site: no background link check in a test.
        _app = _surveyApp.WithWebHostBuilder(builder => builder.UseSetting("Oit:LinkCheck:Enabled", "false"));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _surveyApp.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_three_years_each_with_at_least_the_minimum_sample_and_prints_its_links()
    {
        var (code, output) = await SeedAsync();

        var results = await ResultsAsync();
        Assert.Equal(0, code);
        Assert.Equal([2564, 2565, 2566], results.Keys);
        Assert.All(results.Values, r =>
        {
            Assert.InRange(r.ResponsesOf("IIT"), r.IitMinimum, (long)(r.IitMinimum * 1.25));
            Assert.InRange(r.ResponsesOf("EIT"), r.EitMinimum!.Value, (long)(r.EitMinimum.Value * 1.25));
            Assert.Equal(0, r.SkippedResponses);
            Assert.Equal(43, r.Assessment.Questionnaires["OIT"].Questions.Count(q => q.Score is not null));
        });
        Assert.Contains("เทศบาลตำบลคลองวาฬ", output, StringComparison.Ordinal);
        Assert.Matches(@"IIT: \S*/go/iit/[A-Z0-9]{6}", output);
        Assert.Matches(@"EIT: \S*/go/eit/[A-Z0-9]{6}", output);
    }

    [Fact]
    public async Task In_2565_power_usage_is_the_weakest_IIT_indicator_and_the_missing_OIT_items_pull_disclosure_far_below_85()
    {
        await SeedAsync();

        var year = (await ResultsAsync())[2565].Assessment;
        var iit = year.Indicators.Where(i => i.Instrument == "IIT").ToList();
        Assert.Equal("3", iit.MinBy(i => i.Score)!.Code);
        Assert.InRange(year.Indicator("3").Score!.Value, 85, 90);
        Assert.True(year.Indicator("9").Score < 85, $"indicator 9 is {year.Indicator("9").Score}");
        var items = year.Questionnaires["OIT"].Questions;
        Assert.All(items.Where(q => MissingIn2565.Contains(q.Code)), q => Assert.Equal(0, q.Score));
        Assert.All(items.Where(q => !MissingIn2565.Contains(q.Code)), q => Assert.Equal(100, q.Score));
        Assert.InRange(year.Total!.Value, 86, 90); // the report: 87.97
    }

    [Fact]
    public async Task In_2565_disclosure_is_the_reports_53_99_with_1_3_5_2_and_3_items_missing_in_9_1_to_9_5()
    {
        await SeedAsync();

        var nine = (await ResultsAsync())[2565].Assessment.Indicator("9");

        // (8/9 + 5/8 + 2/7 + 2/4 + 2/5) / 5 × 100
        Assert.Equal("53.99", Core.Scoring.ScoreRounding.Display(nine.Score));
        Assert.Equal(["88.89", "62.50", "28.57", "50.00", "40.00"], nine.SubIndicators.Select(s => Core.Scoring.ScoreRounding.Display(s.Score)));
    }

    [Fact]
    public async Task Every_demo_item_has_the_date_it_last_changed_before_its_round_opened_so_the_public_page_can_show_it()
    {
        await SeedAsync();

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        var items = await db.OitEvidence.Join(db.Rounds, e => e.RoundId, r => r.Id, (e, r) => new { e.UpdatedAt, r.FiscalYear, r.OpensOn }).ToListAsync(Cancel);

        Assert.NotEmpty(items);
        Assert.All(items, i =>
        {
            Assert.NotNull(i.UpdatedAt);
            Assert.Equal(i.FiscalYear - 543, i.UpdatedAt!.Value.Year);
            Assert.True(DateOnly.FromDateTime(i.UpdatedAt.Value) < i.OpensOn);
        });
    }

    [Fact]
    public async Task The_municipality_improves_from_2565_to_2566_and_2564_is_a_little_lower_than_2565()
    {
        await SeedAsync();

        var results = await ResultsAsync();
        var (y2564, y2565, y2566) = (results[2564].Assessment, results[2565].Assessment, results[2566].Assessment);
        Assert.True(y2566.Total > y2565.Total, $"{y2566.Total} vs {y2565.Total}");
        Assert.True(y2566.Indicator("3").Score > y2565.Indicator("3").Score);
        Assert.True(y2566.Indicator("9").Score > y2565.Indicator("9").Score);
        Assert.True(y2564.Total < y2565.Total, $"{y2564.Total} vs {y2565.Total}");
    }

    [Fact]
    public async Task Running_it_again_changes_nothing_and_reset_recreates_the_same_scores()
    {
        await SeedAsync();
        var before = await CountsAsync();
        var scores = (await ResultsAsync()).Values.Select(r => r.Assessment.Total).ToList();

        var (again, output) = await SeedAsync();
        var unchanged = await CountsAsync();
        var (reset, _) = await SeedAsync("--reset", "yes");

        Assert.Equal(0, again);
        Assert.Contains("already exists", output, StringComparison.Ordinal);
        Assert.Equal(before, unchanged);
        Assert.Equal(0, reset);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(scores, (await ResultsAsync()).Values.Select(r => r.Assessment.Total));
    }

    private async Task<(int Code, string Output)> SeedAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await DemoCommands.SeedDemoAsync(_app.Services, new CommandOptions(args), output, error);
        Assert.Equal("", error.ToString());
        return (code, output.ToString());
    }

    /// <summary>The demo agency's rounds scored, by fiscal year.</summary>
    private async Task<SortedDictionary<int, RoundResult>> ResultsAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        var rounds = await db.Rounds.Where(r => r.Agency.NameTh == DemoSeeder.NameTh).Select(r => r.Id).ToListAsync(Cancel);
        var results = new SortedDictionary<int, RoundResult>();
        foreach (var id in rounds)
        {
            var result = (await _app.Services.GetRequiredService<RoundResults>().ForRoundAsync(id, Cancel))!;
            results.Add(result.FiscalYear, result);
        }
        return results;
    }

    private async Task<(int Agencies, int Rounds, int Responses, int Evidence, int Urls)> CountsAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        return (await db.Agencies.CountAsync(Cancel), await db.Rounds.CountAsync(Cancel), await db.Responses.CountAsync(Cancel),
            await db.OitEvidence.CountAsync(Cancel), await db.OitEvidenceUrls.CountAsync(Cancel));
    }
}
