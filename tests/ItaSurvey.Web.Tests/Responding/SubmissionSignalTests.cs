using System.Net;
using ItaSurvey.Core.Quality;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Responding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Responding;

/// <summary>What the quality signals store at submission: class bits and window counters that lose their time of day.</summary>
public class SubmissionSignalTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new SurveyApp { SubmissionsPerMinute = 1000 };
    private TestRound _round = null!;

    public async ValueTask InitializeAsync() => _round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_form_sent_at_once_with_one_column_ticked_is_stored_as_too_fast_straight_lined_and_contradictory()
    {
        await SubmitAsync((_, _) => 0, waitSeconds: 5);
        // "มาก" where there are four levels, "ไม่มี" to the yes/no questions (bribes asked for): a plain, consistent answer.
        await SubmitAsync((_, levels) => levels == 4 ? 2 : 0, waitSeconds: 31);

        var stored = await _app.StoredResponsesAsync();
        Assert.Equal(ResponseSignal.TooFast | ResponseSignal.StraightLined | ResponseSignal.Contradictory, stored[0].Signals);
        Assert.Equal(ResponseSignal.None, stored[1].Signals);
    }

    [Fact]
    public async Task The_too_fast_threshold_comes_from_the_settings_per_instrument()
    {
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/iit/{_round.IitCode}");
        _app.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete(f => f.Length % 2)), Cancel)).StatusCode);

        // 60 seconds is enough for the 18 EIT fields (30) but too fast for the 51 IIT fields (90).
        Assert.True(Assert.Single(await _app.StoredResponsesAsync()).Signals.HasFlag(ResponseSignal.TooFast));
    }

    [Fact]
    public async Task Window_counters_keep_the_window_while_the_day_runs_and_only_ranked_counts_after_it()
    {
        // From 10:00 Thai time: three responses in window 60 (each form open 40 s), then two from 10:22 in window 62.
        for (var i = 0; i < 3; i++)
        {
            await SubmitAsync((_, _) => 1, waitSeconds: 40);
        }
        _app.Clock.Advance(TimeSpan.FromMinutes(20));
        for (var i = 0; i < 2; i++)
        {
            await SubmitAsync((_, _) => 1, waitSeconds: 40);
        }
        var running = await WindowsAsync();
        Assert.Equal([(new DateOnly(2023, 5, 2), 60, 3), (new DateOnly(2023, 5, 2), 62, 2)], running);

        _app.Clock.Advance(TimeSpan.FromDays(1));
        await SubmitAsync((_, _) => 1, waitSeconds: 40);
        await WaitForRankingAsync();

        var kept = await WindowsAsync();
        // The finished day: its counts, largest first, numbered from the first rank; nothing says 10:00 or 10:20.
        Assert.Equal([(new DateOnly(2023, 5, 2), 1000, 3), (new DateOnly(2023, 5, 2), 1001, 2)], kept.Where(w => w.Day.Day == 2));
        Assert.All(kept.Where(w => w.Day.Day == 2), w => Assert.True(WindowRanking.IsRank(w.Slot)));
        Assert.Single(kept, w => w.Day == new DateOnly(2023, 5, 3) && !WindowRanking.IsRank(w.Slot));
        // Counters are not linked to responses: no response id, code or key in the table.
        await using var db = await Database();
        Assert.Equal(["Count", "Day", "Instrument", "RoundId", "Slot"],
            db.Model.FindEntityType(typeof(SubmissionWindow))!.GetProperties().Select(p => p.GetColumnName()).Order());
    }

    private async Task SubmitAsync(Func<string, int, int> level, int waitSeconds)
    {
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}");
        _app.Clock.Advance(TimeSpan.FromSeconds(waitSeconds));
        var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete(f => level(f, form.RadioGroups[f].Count))), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task WaitForRankingAsync()
    {
        // Ranking follows the batch's answer; give the writer a moment.
        for (var i = 0; i < 100 && (await WindowsAsync()).Any(w => w.Day.Day == 2 && !WindowRanking.IsRank(w.Slot)); i++)
        {
            await Task.Delay(50, Cancel);
        }
    }

    private async Task<List<(DateOnly Day, int Slot, int Count)>> WindowsAsync()
    {
        await using var db = await Database();
        return [.. (await db.SubmissionWindows.Where(w => w.RoundId == _round.Id).OrderBy(w => w.Day).ThenBy(w => w.Slot).ToListAsync(Cancel))
            .Select(w => (w.Day, w.Slot, w.Count))];
    }

    private Task<ItaDbContext> Database() =>
        _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
}
