using ItaSurvey.Web.ScoredResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Trends;

/// <summary>Stored per-round scores follow new responses and OIT answers, and never reveal a withheld instrument.</summary>
public class SnapshotTests : IAsyncLifetime
{
    private readonly TrendsWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private SnapshotRefresher Refresher => _world.App.Services.GetRequiredService<SnapshotRefresher>();

    private async Task<RoundScoreSnapshot> StoredAsync()
    {
        await using var db = await _world.Databases.CreateDbContextAsync(TrendsWorld.Cancel);
        return await db.RoundScoreSnapshots.AsNoTracking().SingleAsync(s => s.RoundId == _world.Ours.Id, TrendsWorld.Cancel);
    }

    [Fact]
    public async Task A_snapshot_goes_stale_with_a_new_response_or_an_oit_change_and_is_refreshed()
    {
        await _world.AnswerAsync("IIT", 5, 3);
        await _world.AnswerAsync("IIT", 5, 0); // open: IIT figures move in blocks of five, one behind (the first 5 of 10)
        Assert.Contains(_world.Ours.Id, await Refresher.StaleRoundsAsync(TrendsWorld.Cancel)); // never scored

        Assert.Equal(1, await Refresher.RefreshStaleAsync(TrendsWorld.Cancel));
        Assert.Empty(await Refresher.StaleRoundsAsync(TrendsWorld.Cancel));
        var first = await StoredAsync();

        await _world.AnswerAsync("IIT", 5, 0); // 15: the figures take the second block (answered at level 0)
        Assert.Equal([_world.Ours.Id], await Refresher.StaleRoundsAsync(TrendsWorld.Cancel));
        await Refresher.RefreshStaleAsync(TrendsWorld.Cancel);
        var second = await StoredAsync();

        await _world.SetOitAsync(present: 43);
        Assert.Equal([_world.Ours.Id], await Refresher.StaleRoundsAsync(TrendsWorld.Cancel));
        await Refresher.RefreshStaleAsync(TrendsWorld.Cancel);
        await _world.SetOitAsync(present: 42); // one item มี → ไม่มี
        Assert.Equal([_world.Ours.Id], await Refresher.StaleRoundsAsync(TrendsWorld.Cancel));
        await Refresher.RefreshAsync(_world.Ours.Id, TrendsWorld.Cancel);
        var third = await StoredAsync();

        var live = (await _world.App.Services.GetRequiredService<RoundResults>().ForRoundAsync(_world.Ours.Id, TrendsWorld.Cancel))!;
        Assert.Equal(10, first.IitResponses);
        Assert.Equal(15, second.IitResponses);
        Assert.NotEqual(first.Iit, second.Iit);
        Assert.Null(second.Oit);
        Assert.Equal(live.Assessment.Instrument("OIT").Score, third.Oit);
        Assert.Equal(live.Assessment.Instrument("IIT").Score, third.Iit);
        Assert.Equal(live.Assessment.Indicator("9").Score, SnapshotRefresher.IndicatorsOf(third)["9"]);
        Assert.Empty(await Refresher.StaleRoundsAsync(TrendsWorld.Cancel));

        // Closing the round changes the scores (every response counts now): the snapshot goes stale by itself.
        _world.App.CloseRounds();
        Assert.Equal([_world.Ours.Id], await Refresher.StaleRoundsAsync(TrendsWorld.Cancel));
        var closed = (await Refresher.RefreshAsync(_world.Ours.Id, TrendsWorld.Cancel))!;
        Assert.Equal((await _world.App.Services.GetRequiredService<RoundResults>().ForRoundAsync(_world.Ours.Id, TrendsWorld.Cancel))!.Assessment.Instrument("IIT").Score, closed.Iit);
        Assert.NotEqual(third.Iit, closed.Iit);
        Assert.Empty(await Refresher.StaleRoundsAsync(TrendsWorld.Cancel));
    }

    [Fact]
    public async Task A_snapshot_made_under_older_scoring_rules_goes_stale()
    {
        await _world.AnswerAsync("EIT", 5, 3);
        await Refresher.RefreshStaleAsync(TrendsWorld.Cancel);
        Assert.Empty(await Refresher.StaleRoundsAsync(TrendsWorld.Cancel));
        await using (var db = await _world.Databases.CreateDbContextAsync(TrendsWorld.Cancel))
        {
            var snapshot = await db.RoundScoreSnapshots.SingleAsync(s => s.RoundId == _world.Ours.Id, TrendsWorld.Cancel);
            snapshot.RulesVersion = SnapshotRefresher.RulesVersion - 1;
            await db.SaveChangesAsync(TrendsWorld.Cancel);
        }

        Assert.Equal([_world.Ours.Id], await Refresher.StaleRoundsAsync(TrendsWorld.Cancel));
        Assert.Equal(SnapshotRefresher.RulesVersion, (await Refresher.RefreshAsync(_world.Ours.Id, TrendsWorld.Cancel))!.RulesVersion);
    }

    [Fact]
    public async Task A_withheld_instrument_is_null_in_the_snapshot()
    {
        await _world.AnswerAsync("IIT", 4, 3);
        await _world.AnswerAsync("EIT", 5, 3);
        await _world.SetOitAsync(present: 43);

        var snapshot = (await Refresher.RefreshAsync(_world.Ours.Id, TrendsWorld.Cancel))!;

        Assert.Equal(4, snapshot.IitResponses);
        Assert.Null(snapshot.Iit);
        Assert.Null(snapshot.Total);
        Assert.Null(snapshot.RatingCode);
        Assert.NotNull(snapshot.Eit);
        var indicators = SnapshotRefresher.IndicatorsOf(await StoredAsync());
        Assert.All(["1", "2", "3", "4", "5"], code => Assert.Null(indicators[code]));
        Assert.NotNull(indicators["6"]);
    }

    [Fact]
    public async Task The_background_service_refreshes_stale_rounds_when_enabled()
    {
        await using var app = new SurveyApp();
        var round = await app.CreateRoundAsync(Rounds.IitMode.OpenLink);
        var configured = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Dashboards:Snapshots:Enabled", "true");
            b.UseSetting("Dashboards:Snapshots:StartDelay", "00:00:00");
            b.UseSetting("Dashboards:Snapshots:Interval", "00:00:01");
        });
        var databases = configured.Services.GetRequiredService<IDbContextFactory<Data.ItaDbContext>>();

        var found = false;
        for (var i = 0; i < 600 && !found; i++)
        {
            await Task.Delay(100, TrendsWorld.Cancel);
            await using var db = await databases.CreateDbContextAsync(TrendsWorld.Cancel);
            found = await db.RoundScoreSnapshots.AnyAsync(s => s.RoundId == round.Id, TrendsWorld.Cancel);
        }
        Assert.True(found, "no snapshot within 60 s");
    }
}
