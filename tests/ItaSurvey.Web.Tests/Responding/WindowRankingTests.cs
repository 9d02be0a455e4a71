using System.Net;
using ItaSurvey.Core.Quality;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Responding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Responding;

/// <summary>
/// A finished day loses its windows of the day even when no submission follows it (the last day of a
/// round): the background job ranks it, and what is left cannot be mapped back to a time.
/// </summary>
public class WindowRankingTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2023, 5, 2);

    private readonly SurveyApp _app = new SurveyApp { SubmissionsPerMinute = 1000 };
    private TestRound _round = null!;

    public async ValueTask InitializeAsync() => _round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_the_last_day_of_submissions_the_job_leaves_only_ranked_counts_that_say_nothing_of_the_time()
    {
        // 10:00 Thai time: two responses (window 60); from 10:20 three more (window 62). In clock order 2 then 3.
        await SubmitAsync(2);
        _app.Clock.Advance(TimeSpan.FromMinutes(20));
        await SubmitAsync(3);
        var ranker = _app.Services.GetRequiredService<WindowRankingService>();
        Assert.Equal(0, await ranker.RankFinishedDaysAsync(Cancel)); // the day still runs: its windows are needed
        Assert.Equal([(60, 2), (62, 3)], await WindowsAsync());

        _app.Clock.Advance(TimeSpan.FromDays(1)); // no submission follows
        var ranked = await ranker.RankFinishedDaysAsync(Cancel);

        Assert.Equal(1, ranked);
        var kept = await WindowsAsync();
        // Largest first from the first rank: the order of the counts, not of the clock, and no window of the day left.
        Assert.Equal([(1000, 3), (1001, 2)], kept);
        Assert.Equal(WindowRanking.Rank([3, 2]), WindowRanking.Rank([2, 3]));
        Assert.Equal(WindowRanking.Rank([2, 3]).Select(r => (r.Rank, r.Count)), kept);
        Assert.Equal(0, await ranker.RankFinishedDaysAsync(Cancel));
    }

    [Fact]
    public async Task The_background_job_ranks_a_finished_day_by_itself()
    {
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel))
        {
            db.SubmissionWindows.AddRange(
                new SubmissionWindow { RoundId = _round.Id, Instrument = "EIT", Day = Day.AddDays(-1), Slot = 60, Count = 1 },
                new SubmissionWindow { RoundId = _round.Id, Instrument = "EIT", Day = Day.AddDays(-1), Slot = 100, Count = 4 });
            await db.SaveChangesAsync(Cancel);
        }
        var configured = _app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Responding:WindowRanking:Enabled", "true");
            b.UseSetting("Responding:WindowRanking:StartDelay", "00:00:00");
            b.UseSetting("Responding:WindowRanking:Interval", "00:00:01");
        });
        var databases = configured.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>();

        List<int> slots = [];
        for (var i = 0; i < 600 && !(slots.Count > 0 && slots.All(WindowRanking.IsRank)); i++)
        {
            await Task.Delay(100, Cancel);
            await using var db = await databases.CreateDbContextAsync(Cancel);
            slots = await db.SubmissionWindows.Where(w => w.RoundId == _round.Id).OrderBy(w => w.Slot).Select(w => w.Slot).ToListAsync(Cancel);
        }
        Assert.Equal([1000, 1001], slots);
    }

    private async Task SubmitAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var browser = _app.NewBrowser();
            var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}");
            _app.Clock.Advance(TimeSpan.FromSeconds(40));
            var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete(f => i % form.RadioGroups[f].Count)), Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    private async Task<List<(int Slot, int Count)>> WindowsAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        return [.. (await db.SubmissionWindows.Where(w => w.RoundId == _round.Id).OrderBy(w => w.Slot).ToListAsync(Cancel)).Select(w => (w.Slot, w.Count))];
    }
}
