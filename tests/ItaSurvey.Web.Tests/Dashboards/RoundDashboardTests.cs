using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Dashboards;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Dashboards;

/// <summary>The round dashboard's figures: scores with intervals, distributions and consistency, withheld below k.</summary>
public class RoundDashboardTests : RoundDashboardTestBase
{
    [Fact]
    public async Task Question_scores_intervals_and_distributions_come_from_the_stored_answers()
    {
        // Six staff: three answer every field at the top level, three one level lower.
        var form = Form(2566, "IIT");
        var top = Enumerable.Range(0, form.FieldCount).Select(f => (byte)(form.LevelCounts[f] - 1)).ToArray();
        var lower = top.Select(l => (byte)(l - 1)).ToArray();
        await StoreAsync(Round.Id, "IIT", [top, top, top, lower, lower, lower]);
        App.CloseRounds(); // an open round holds IIT figures back

        var dashboard = await BuildAsync(Round.Id);

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
    public async Task While_theRound_is_open_iit_figures_move_in_blocks_of_k_one_block_behind()
    {
        var form = Form(2566, "IIT");
        var random = new Random(3);
        byte[] Next() => [.. Enumerable.Range(0, form.FieldCount).Select(f => (byte)random.Next(form.LevelCounts[f]))];
        await StoreAsync(Round.Id, "IIT", [.. Enumerable.Range(0, 9).Select(_ => Next())]);
        var nine = await BuildAsync(Round.Id);
        await StoreAsync(Round.Id, "IIT", [Next()]);
        var ten = await BuildAsync(Round.Id);
        await StoreAsync(Round.Id, "IIT", [Next(), Next(), Next(), Next()]);
        var fourteen = await BuildAsync(Round.Id);
        App.CloseRounds();
        var closed = await BuildAsync(Round.Id);

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
    public async Task The_api_says_how_many_iit_responses_its_figures_include_while_theRound_is_open()
    {
        await StoreAsync(Round.Id, "IIT", [.. Enumerable.Repeat(new byte[Form(2566, "IIT").FieldCount], 12)]);
        var (email, password) = await App.CreateUserAsync(Roles.Viewer, Round.AgencyId);
        var browser = await App.SignedInBrowserAsync(email, password);

        using var json = System.Text.Json.JsonDocument.Parse(await browser.GetStringAsync($"/api/v1/rounds/{Round.Id}/results", Cancel));

        Assert.Equal(12, json.RootElement.GetProperty("responses").GetProperty("iit").GetInt64());
        Assert.Equal(5, json.RootElement.GetProperty("iitScored").GetInt64());
        Assert.Contains("5 of 12", json.RootElement.GetProperty("iitHeldBack").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fewer_than_k_responses_show_no_question_score_distribution_or_interval()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(Round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 4)]);

        var dashboard = await BuildAsync(Round.Id);

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
        await using var strict = App.WithWebHostBuilder(b => b.UseSetting("Dashboards:MinimumResponses", "10"));
        var form = Form(2566, "EIT");
        await StoreAsync(Round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 6)]);

        using var scope = strict.Services.CreateScope();
        var dashboard = (await scope.ServiceProvider.GetRequiredService<RoundDashboards>().BuildAsync(Round.Id, Cancel))!;

        Assert.True(dashboard.Instruments.Single(i => i.Code == "EIT").Withheld);
        Assert.Contains("10", dashboard.WithheldMessage.Th, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_k_below_two_stops_the_start_with_a_message()
    {
        await using var broken = App.WithWebHostBuilder(b => b.UseSetting("Dashboards:MinimumResponses", "1"));
        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        Assert.Contains("MinimumResponses", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_response_is_counted_at_once_although_the_analysis_is_cached()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(Round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 5)]);
        Assert.Equal(5, (await BuildAsync(Round.Id)).Instruments.Single(i => i.Code == "EIT").Responses);

        await StoreAsync(Round.Id, "EIT", [new byte[form.FieldCount]]);

        Assert.Equal(6, (await BuildAsync(Round.Id)).Instruments.Single(i => i.Code == "EIT").Responses);
    }

    [Fact]
    public async Task A_stored_row_of_the_wrong_length_is_skipped_and_counted_not_misread()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(Round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 5), new byte[form.FieldCount + 1], new byte[3]]);

        var dashboard = await BuildAsync(Round.Id);

        Assert.Equal(2, dashboard.Result.SkippedResponses);
        Assert.Equal(5, dashboard.Questions.First(q => q.Instrument == "EIT").Fields[0].Answered);
    }

    private static double Points(CompiledQuestionnaire form, int field, int level) => form.Points[(field * form.LevelStride) + level];
}
