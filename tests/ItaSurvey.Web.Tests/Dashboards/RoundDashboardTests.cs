using AngleSharp.Html.Parser;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Imports;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Surveys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Dashboards;

/// <summary>The round dashboard: the ITA's scores with intervals, distributions, consistency and the change since last year.</summary>
public class RoundDashboardTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();
    private TestRound _round = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _round = await _app.CreateRoundAsync(IitMode.OpenLink);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Question_scores_intervals_and_distributions_come_from_the_stored_answers()
    {
        // Six staff: three answer every field at the top level, three one level lower.
        var form = Form(2566, "IIT");
        var top = Enumerable.Range(0, form.FieldCount).Select(f => (byte)(form.LevelCounts[f] - 1)).ToArray();
        var lower = top.Select(l => (byte)(l - 1)).ToArray();
        await StoreAsync(_round.Id, "IIT", [top, top, top, lower, lower, lower]);
        _app.CloseRounds(); // an open round holds IIT figures back

        var dashboard = await BuildAsync(_round.Id);

        var question = dashboard.Questions.First(q => q.Instrument == "IIT");
        var field = form.FieldIndex(question.Fields[0].Code);
        var expected = new[] { Points(form, field, top[field]), Points(form, field, lower[field]) };
        Assert.False(question.Withheld);
        Assert.Equal(expected.Average(), question.Score!.Value, 9);
        var estimate = ScoreEstimate.Of(SampleSummary.Of([.. Enumerable.Repeat(expected[0], 3), .. Enumerable.Repeat(expected[1], 3)]))!;
        Assert.Equal(estimate.Lower!.Value, question.Estimate!.Lower!.Value, 9);
        Assert.Equal(estimate.Upper!.Value, question.Estimate.Upper!.Value, 9);
        var levels = question.Fields[0].Levels;
        Assert.Equal(3, levels[top[field]].Count);
        Assert.Equal(3, levels[lower[field]].Count);
        Assert.Equal(6, question.Fields[0].Answered);

        var iit = dashboard.Instruments.Single(i => i.Code == "IIT");
        Assert.Equal(6, iit.Responses);
        Assert.True(iit.BelowMinimum); // 30 staff are the minimum for a headcount of 80
        var indicator = dashboard.Indicators.First(i => i.Instrument == "IIT");
        Assert.NotNull(indicator.Consistency);
        Assert.Equal(6, indicator.Consistency!.Respondents);
    }

    [Fact]
    public async Task While_the_round_is_open_iit_figures_move_in_blocks_of_k_one_block_behind()
    {
        var form = Form(2566, "IIT");
        var random = new Random(3);
        byte[] Next() => [.. Enumerable.Range(0, form.FieldCount).Select(f => (byte)random.Next(form.LevelCounts[f]))];
        await StoreAsync(_round.Id, "IIT", [.. Enumerable.Range(0, 9).Select(_ => Next())]);
        var nine = await BuildAsync(_round.Id);
        await StoreAsync(_round.Id, "IIT", [Next()]);
        var ten = await BuildAsync(_round.Id);
        await StoreAsync(_round.Id, "IIT", [Next(), Next(), Next(), Next()]);
        var fourteen = await BuildAsync(_round.Id);
        _app.CloseRounds();
        var closed = await BuildAsync(_round.Id);

        Assert.True(nine.Instruments.Single(i => i.Code == "IIT").Withheld);
        Assert.Contains("ปรับทุก 5 คำตอบ", nine.MessageOf("IIT").Th, StringComparison.Ordinal);
        Assert.Equal(5, ten.Result.ScoredOf("IIT"));
        Assert.Equal(10, ten.Result.ResponsesOf("IIT"));
        Assert.NotNull(ten.Result.HeldBack("IIT"));
        // Four more staff answered: nothing an administrator can compare has moved.
        Assert.Equal(ten.Questions.Where(q => q.Instrument == "IIT").Select(q => q.Score), fourteen.Questions.Where(q => q.Instrument == "IIT").Select(q => q.Score));
        Assert.Equal(ten.Questions.SelectMany(q => q.Fields).SelectMany(f => f.Levels).Select(l => l.Count),
            fourteen.Questions.SelectMany(q => q.Fields).SelectMany(f => f.Levels).Select(l => l.Count));
        Assert.Equal(14, closed.Result.ScoredOf("IIT"));
        Assert.Null(closed.Result.HeldBack("IIT"));
    }

    [Fact]
    public async Task The_api_says_how_many_iit_responses_its_figures_include_while_the_round_is_open()
    {
        await StoreAsync(_round.Id, "IIT", [.. Enumerable.Repeat(new byte[Form(2566, "IIT").FieldCount], 12)]);
        var (email, password) = await _app.CreateUserAsync(Roles.Viewer, _round.AgencyId);
        var browser = await _app.SignedInBrowserAsync(email, password);

        using var json = System.Text.Json.JsonDocument.Parse(await browser.GetStringAsync($"/api/v1/rounds/{_round.Id}/results", Cancel));

        Assert.Equal(12, json.RootElement.GetProperty("responses").GetProperty("iit").GetInt64());
        Assert.Equal(5, json.RootElement.GetProperty("iitScored").GetInt64());
        Assert.Contains("5 of 12", json.RootElement.GetProperty("iitHeldBack").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fewer_than_k_responses_show_no_question_score_distribution_or_interval()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(_round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 4)]);

        var dashboard = await BuildAsync(_round.Id);

        Assert.All(dashboard.Questions.Where(q => q.Instrument == "EIT"), q =>
        {
            Assert.True(q.Withheld);
            Assert.Null(q.Score);
            Assert.Null(q.Estimate);
            Assert.Empty(q.Fields);
        });
        Assert.All(dashboard.Indicators.Where(i => i.Instrument == "EIT"), i => Assert.True(i.Withheld && i.Estimate is null && i.Consistency is null));
        Assert.True(dashboard.Instruments.Single(i => i.Code == "EIT").Withheld);
    }

    [Fact]
    public async Task K_is_configurable()
    {
        await using var strict = _app.WithWebHostBuilder(b => b.UseSetting("Dashboards:MinimumResponses", "10"));
        var form = Form(2566, "EIT");
        await StoreAsync(_round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 6)]);

        using var scope = strict.Services.CreateScope();
        var dashboard = (await scope.ServiceProvider.GetRequiredService<RoundDashboards>().BuildAsync(_round.Id, Cancel))!;

        Assert.True(dashboard.Instruments.Single(i => i.Code == "EIT").Withheld);
        Assert.Contains("10", dashboard.WithheldMessage.Th, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_k_below_two_stops_the_start_with_a_message()
    {
        await using var broken = _app.WithWebHostBuilder(b => b.UseSetting("Dashboards:MinimumResponses", "1"));
        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        Assert.Contains("MinimumResponses", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collected_previous_year_is_compared_with_welchs_test_on_per_respondent_scores()
    {
        var previous = await _app.Services.GetRequiredService<RoundAdmin>()
            .CreateRoundAsync(_round.AgencyId, 2565, new DateOnly(2022, 4, 1), new DateOnly(2022, 6, 30), IitMode.OpenLink, Cancel);
        var before = Form(2565, "EIT");
        var now = Form(2566, "EIT");
        var random = new Random(7);
        await StoreAsync(previous.Id, "EIT", [.. Enumerable.Range(0, 12).Select(_ => Answers(before, random, low: true))]);
        await StoreAsync(_round.Id, "EIT", [.. Enumerable.Range(0, 12).Select(_ => Answers(now, random, low: false))]);

        var dashboard = await BuildAsync(_round.Id);
        var results = _app.Services.GetRequiredService<RoundResults>();
        var then = (await results.AnalyzeAsync(previous.Id, Cancel))!;
        var current = (await results.AnalyzeAsync(_round.Id, Cancel))!;

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
                AgencyId = _round.AgencyId, FiscalYear = 2565, Total = 87.92,
                Indicators = [.. Enumerable.Range(1, 10).Select(i => new OfficialIndicatorScore { IndicatorCode = i.ToString(), Score = 80 })],
            });
            await db.SaveChangesAsync(Cancel);
        }
        var form = Form(2566, "EIT");
        await StoreAsync(_round.Id, "EIT", [.. Enumerable.Repeat(Enumerable.Range(0, form.FieldCount).Select(f => (byte)(form.LevelCounts[f] - 1)).ToArray(), 5)]);

        var dashboard = await BuildAsync(_round.Id);

        Assert.Equal(PreviousSource.Official, dashboard.Previous!.Source);
        Assert.Equal(87.92, dashboard.Previous.Total);
        var indicator = dashboard.Indicators.First(i => i.Instrument == "EIT");
        Assert.Null(indicator.Change!.Test);
        Assert.Equal(ScoreRounding.Change(indicator.Score, 80), indicator.Change.Difference);
    }

    [Fact]
    public async Task With_both_an_official_and_a_collected_previous_year_the_official_is_the_headline_and_the_test_uses_the_collected_samples()
    {
        var previous = await _app.Services.GetRequiredService<RoundAdmin>()
            .CreateRoundAsync(_round.AgencyId, 2565, new DateOnly(2022, 4, 1), new DateOnly(2022, 6, 30), IitMode.OpenLink, Cancel);
        var random = new Random(11);
        await StoreAsync(previous.Id, "EIT", [.. Enumerable.Range(0, 8).Select(_ => Answers(Form(2565, "EIT"), random, low: true))]);
        await StoreAsync(_round.Id, "EIT", [.. Enumerable.Range(0, 8).Select(_ => Answers(Form(2566, "EIT"), random, low: false))]);
        await using (var db = await Database())
        {
            db.OfficialResults.Add(new OfficialResult
            {
                AgencyId = _round.AgencyId, FiscalYear = 2565, Total = 80.5,
                Indicators = [.. Enumerable.Range(1, 10).Select(i => new OfficialIndicatorScore { IndicatorCode = i.ToString(), Score = 70 })],
            });
            await db.SaveChangesAsync(Cancel);
        }

        var dashboard = await BuildAsync(_round.Id);

        Assert.Equal(PreviousSource.Official, dashboard.Previous!.Source);
        Assert.Equal(80.5, dashboard.Previous.Total);
        var indicator = dashboard.Indicators.First(i => i.Instrument == "EIT");
        Assert.Equal(ScoreRounding.Change(indicator.Score, 70), indicator.Change!.Difference); // as the trends page shows it
        Assert.NotNull(indicator.Change.Test); // both years collected here: Welch on per-respondent scores
    }

    [Fact]
    public async Task A_new_response_is_counted_at_once_although_the_analysis_is_cached()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(_round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 5)]);
        Assert.Equal(5, (await BuildAsync(_round.Id)).Instruments.Single(i => i.Code == "EIT").Responses);

        await StoreAsync(_round.Id, "EIT", [new byte[form.FieldCount]]);

        Assert.Equal(6, (await BuildAsync(_round.Id)).Instruments.Single(i => i.Code == "EIT").Responses);
    }

    [Fact]
    public async Task A_stored_row_of_the_wrong_length_is_skipped_and_counted_not_misread()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(_round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 5), new byte[form.FieldCount + 1], new byte[3]]);

        var dashboard = await BuildAsync(_round.Id);

        Assert.Equal(2, dashboard.Result.SkippedResponses);
        Assert.Equal(5, dashboard.Questions.First(q => q.Instrument == "EIT").Fields[0].Answered);
    }

    [Fact]
    public async Task The_page_shows_the_total_indicators_and_questions_in_thai()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(_round.Id, "EIT", [.. Enumerable.Repeat(Enumerable.Range(0, form.FieldCount).Select(f => (byte)(form.LevelCounts[f] - 1)).ToArray(), 5)]);
        var (email, password) = await _app.CreateUserAsync(Roles.Viewer, _round.AgencyId);
        var browser = await _app.SignedInBrowserAsync(email, password);

        var html = await browser.GetStringAsync($"/admin/rounds/{_round.Id}/dashboard", Cancel);
        var main = new HtmlParser().ParseDocument(html).QuerySelector("main")!;

        Assert.Contains("ผลคะแนน ITA ปีงบประมาณ พ.ศ. 2566", main.TextContent, StringComparison.Ordinal);
        Assert.Contains("คุณภาพการดำเนินงาน", main.TextContent, StringComparison.Ordinal); // indicator 6
        Assert.Contains("ช่วงความเชื่อมั่น 95%", main.TextContent, StringComparison.Ordinal);
        var scoredRows = main.QuerySelectorAll("table.questions tbody tr").Count(r => r.QuerySelector("td.num") is not null);
        Assert.Equal(Form(2566, "EIT").Questionnaire.Questions.Count, scoredRows);
        Assert.Contains("100.00", main.TextContent, StringComparison.Ordinal); // every EIT answer at the top
        Assert.Contains("ไม่แสดงเพื่อรักษาความลับของผู้ตอบ", main.TextContent, StringComparison.Ordinal); // no IIT yet: withheld rows say why
    }

    [Fact]
    public async Task Chart_downloads_are_pngs_in_scope_and_withheld_answers_have_none()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(_round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 5)]);
        await StoreAsync(_round.Id, "IIT", [.. Enumerable.Repeat(new byte[Form(2566, "IIT").FieldCount], 3)]);
        var (email, password) = await _app.CreateUserAsync(Roles.Viewer, _round.AgencyId);
        var browser = await _app.SignedInBrowserAsync(email, password);
        var other = await _app.CreateRoundAsync(IitMode.OpenLink);

        var indicators = await browser.GetAsync(DashboardCharts.IndicatorsPng(_round.Id), Cancel);
        var answers = await browser.GetAsync(DashboardCharts.DistributionPng(_round.Id, form.FieldCodes[0]), Cancel);
        var withheld = await browser.GetAsync(DashboardCharts.DistributionPng(_round.Id, Form(2566, "IIT").Questionnaire.Questions[0].Code), Cancel);
        var outOfScope = await browser.GetAsync(DashboardCharts.IndicatorsPng(other.Id), Cancel);
        var anonymous = await _app.NewBrowser().GetAsync(DashboardCharts.IndicatorsPng(_round.Id), Cancel);

        foreach (var png in new[] { indicators, answers })
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, png.StatusCode);
            Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync(Cancel))[..4]);
        }
        Assert.Equal(System.Net.HttpStatusCode.Conflict, withheld.StatusCode);
        Assert.Contains("ไม่แสดงเพื่อรักษาความลับ", await withheld.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_page_carries_the_indicator_chart_as_an_accessible_svg_with_thai_text()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(_round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 5)]);
        var (email, password) = await _app.CreateUserAsync(Roles.Viewer, _round.AgencyId);
        var browser = await _app.SignedInBrowserAsync(email, password);

        var html = await browser.GetStringAsync($"/admin/rounds/{_round.Id}/dashboard", Cancel);
        var svg = new HtmlParser().ParseDocument(html).QuerySelector("figure.chart svg")!;

        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Contains("คะแนนรายตัวชี้วัด", svg.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("คุณภาพการดำเนินงาน", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("การปฏิบัติหน้าที่", svg.TextContent, StringComparison.Ordinal); // the bars' labels, as text
        Assert.Contains(DashboardCharts.IndicatorsPng(_round.Id), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_ranks_what_raises_the_total_most_as_the_report_does()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(_round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 5)]);
        await StoreAsync(_round.Id, "IIT", [.. Enumerable.Repeat(new byte[Form(2566, "IIT").FieldCount], 5)]);
        var oit = Form(2566, "OIT");
        await using (var db = await Database())
        {
            db.OitEvidence.AddRange(oit.FieldCodes.Select((code, i) => new ItaSurvey.Web.Oit.OitEvidence { RoundId = _round.Id, ItemCode = code, Present = i >= 3 }));
            await db.SaveChangesAsync(Cancel);
        }
        _app.CloseRounds(); // every instrument scored: there is a total to raise
        var (email, password) = await _app.CreateUserAsync(Roles.Viewer, _round.AgencyId);
        var browser = await _app.SignedInBrowserAsync(email, password);

        var dashboard = await BuildAsync(_round.Id);
        var html = await browser.GetStringAsync($"/admin/rounds/{_round.Id}/dashboard", Cancel);

        // Three OIT items missing, priced; the weak questions too (every answer at the lowest level).
        Assert.Contains(dashboard.Gains, g => g.Source == ItaSurvey.Core.Improvement.WeaknessSource.OitItem && g.TotalGain > 0);
        Assert.Contains(dashboard.Gains, g => g.Source == ItaSurvey.Core.Improvement.WeaknessSource.Question && g.TotalGain > 0);
        Assert.Equal(dashboard.Gains.OrderByDescending(g => g.TotalGain ?? 0).Select(g => g.TotalGain), dashboard.Gains.Select(g => g.TotalGain));
        var items = new HtmlParser().ParseDocument(html).QuerySelectorAll(".gain-list li");
        Assert.Equal(5, items.Length);
        Assert.Contains(dashboard.Gains[0].Code, items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("+" + ScoreRounding.Display(dashboard.Gains[0].TotalGain), items[0].TextContent, StringComparison.Ordinal);
    }

    private CompiledQuestionnaire Form(int year, string instrument) => _app.Services.GetRequiredService<QuestionnaireCache>().For(year, instrument);

    private static double Points(CompiledQuestionnaire form, int field, int level) => form.Points[(field * form.LevelStride) + level];

    private static byte[] Answers(CompiledQuestionnaire form, Random random, bool low) =>
        [.. Enumerable.Range(0, form.FieldCount).Select(f => (byte)Math.Max(0, form.LevelCounts[f] - 1 - (low ? random.Next(2, 4) : random.Next(0, 2))))];

    private async Task<RoundDashboard> BuildAsync(int roundId)
    {
        using var scope = _app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<RoundDashboards>().BuildAsync(roundId, Cancel))!;
    }

    private async Task<ItaDbContext> Database() =>
        await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);

    private async Task StoreAsync(int roundId, string instrument, IEnumerable<byte[]> answers)
    {
        var year = (await (await Database()).Rounds.SingleAsync(r => r.Id == roundId, Cancel)).FiscalYear;
        var form = Form(year, instrument);
        await using var db = await Database();
        foreach (var levels in answers)
        {
            db.Responses.Add(new Response
            {
                RoundId = roundId, Instrument = instrument, SubmittedOn = new DateOnly(2023, 5, 2), SubmissionKey = Guid.NewGuid(),
                FormVersion = form.Fingerprint, Answers = levels, RespondentGroup = instrument == "EIT" ? "citizen" : null,
            });
        }
        await db.SaveChangesAsync(Cancel);
    }
}
