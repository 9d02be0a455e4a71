using ItaSurvey.Core.Quality;
using ItaSurvey.Web.Responding;
using static ItaSurvey.Web.Tests.TwoAgencyWorld;

namespace ItaSurvey.Web.Tests.Exports;

/// <summary>
/// The responses exports' last column, "quality": each response's signal codes, never anything
/// time-like, and under the exports' privacy rules (an open round's held-back IIT responses count
/// for nothing, not even as the copies that make a crowd).
/// </summary>
public sealed class ExportQualityTests : IAsyncLifetime
{
    private readonly ExportWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private string Url(string instrument) => $"/admin/rounds/{_world.Ours.Id}/export/responses.csv?instrument={instrument}";

    [Fact]
    public async Task Each_EIT_row_ends_with_its_signal_codes_and_a_crowd_of_identical_answers_is_marked_duplicate()
    {
        var layout = _world.Layout("EIT");
        var random = new Random(3);
        await _world.StoreAsync("EIT", 30, (_, f) => (byte)random.Next(layout.LevelCounts[f]));
        var crowd = await _world.StoreAsync("EIT", 10, (_, f) => (byte)(layout.LevelCounts[f] - 1));
        await SetSignalsAsync(crowd, ResponseSignal.TooFast | ResponseSignal.StraightLined);
        var browser = await _world.BrowserAsync();

        var rows = await ExportWorld.CsvAsync(await browser.GetAsync(Url("EIT"), Cancel));

        Assert.Equal("quality", rows[0][^1]);
        var quality = rows[1..].Select(r => r[^1]).ToList();
        Assert.All(quality[..30], q => Assert.Equal("", q));
        Assert.All(quality[30..], q => Assert.Equal("too-fast;straight-lined;duplicate", q));
        // Only codes of classes: no time of day, duration or other number in the column.
        Assert.All(quality, q => Assert.DoesNotMatch("[0-9:]", q));
    }

    [Fact]
    public async Task An_open_rounds_held_back_IIT_responses_never_make_the_released_ones_duplicates()
    {
        var layout = _world.Layout("IIT");
        var random = new Random(4);
        byte[] Varied(int f) => [(byte)random.Next(layout.LevelCounts[f])];
        // Released first (5 of 14 while open): two copies of the bottom vector and three varied;
        // then nine held back, seven of them the same bottom vector.
        await _world.StoreAsync("IIT", 2, (_, _) => 0);
        await _world.StoreAsync("IIT", 3, (_, f) => Varied(f)[0]);
        await _world.StoreAsync("IIT", 7, (_, _) => 0);
        await _world.StoreAsync("IIT", 2, (_, f) => Varied(f)[0]);
        var browser = await _world.BrowserAsync();

        var open = await ExportWorld.CsvAsync(await browser.GetAsync(Url("IIT"), Cancel));
        _world.App.CloseRounds();
        var closed = await ExportWorld.CsvAsync(await (await _world.BrowserAsync()).GetAsync(Url("IIT"), Cancel));

        Assert.Equal(5, open.Count - 1);
        Assert.All(open[1..], r => Assert.Equal("", r[^1]));
        Assert.Equal(14, closed.Count - 1);
        Assert.Equal(9, closed.Count(r => r[^1] == "duplicate"));
    }

    private async Task SetSignalsAsync(List<Response> responses, ResponseSignal signals)
    {
        await using var db = await _world.Databases.CreateDbContextAsync(Cancel);
        var ids = responses.Select(r => r.Id).ToList();
        foreach (var response in db.Responses.Where(r => ids.Contains(r.Id)))
        {
            response.Signals = signals;
        }
        await db.SaveChangesAsync(Cancel);
    }
}
