using ItaSurvey.Core.Quality;

namespace ItaSurvey.Core.Tests.Quality;

/// <summary>What the store keeps of a finished day cannot be turned back into a time of day.</summary>
public class WindowRankingTests
{
    [Fact]
    public void Windows_of_the_day_are_numbered_from_midnight_in_ten_minutes()
    {
        Assert.Equal(0, WindowRanking.WindowOf(new TimeOnly(0, 9, 59)));
        Assert.Equal(85, WindowRanking.WindowOf(new TimeOnly(14, 13)));
        Assert.Equal(143, WindowRanking.WindowOf(new TimeOnly(23, 59, 59)));
        Assert.False(WindowRanking.IsRank(143));
        Assert.True(WindowRanking.IsRank(WindowRanking.FirstRank));
    }

    [Fact]
    public void Two_days_with_the_same_counts_at_different_times_are_kept_identically()
    {
        var random = new Random(4);
        var counts = Enumerable.Range(0, 30).Select(_ => random.Next(1, 9)).ToList();
        var morning = counts.Select((c, i) => (Window: 40 + i, Count: c));
        var evening = counts.OrderBy(_ => random.Next()).Select((c, i) => (Window: 110 + i, Count: c));

        var keptMorning = WindowRanking.Rank(morning.Select(w => w.Count));
        var keptEvening = WindowRanking.Rank(evening.Select(w => w.Count));

        Assert.Equal(keptMorning, keptEvening);
        Assert.All(keptMorning, r => Assert.True(WindowRanking.IsRank(r.Rank)));
        Assert.Equal(counts.Count, keptMorning.Count);
    }

    [Fact]
    public void The_ranks_say_nothing_but_the_order_of_the_counts()
    {
        var kept = WindowRanking.Rank([3, 0, 9, 1, 3]);

        Assert.Equal([(1000, 9), (1001, 3), (1002, 3), (1003, 1)], kept);
    }
}
