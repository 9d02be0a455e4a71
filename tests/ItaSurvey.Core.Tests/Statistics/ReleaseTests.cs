using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Core.Tests.Statistics;

/// <summary>While a round is open, figures move in blocks of k, one block behind, so no two views isolate fewer than k responses.</summary>
public class ReleaseTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(9, 0)]
    [InlineData(10, 5)]
    [InlineData(14, 5)]
    [InlineData(15, 10)]
    [InlineData(1003, 995)]
    public void An_open_round_releases_whole_blocks_one_behind(long responses, long released) =>
        Assert.Equal(released, Privacy.Released(responses, roundOpen: true, k: 5));

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(13)]
    public void A_closed_round_releases_every_response(long responses) =>
        Assert.Equal(responses, Privacy.Released(responses, roundOpen: false, k: 5));

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    public void Any_two_views_differ_by_nothing_or_by_at_least_k_responses_and_so_does_the_final_one(int k)
    {
        // What is shown: the released responses, unless the k rule withholds them all.
        long Shown(long responses, bool open) => Privacy.Released(responses, open, k) is var released && Privacy.Withhold(released, k) ? 0 : released;
        for (long before = 0; before <= 60; before++)
        {
            var early = Shown(before, open: true);
            for (var after = before; after <= 60; after++)
            {
                var later = Shown(after, open: true);
                Assert.True(later == early || later - early >= k, $"open {before} → {after}: {early} → {later}");
                var final = Shown(after, open: false);
                Assert.True(final == early || final - early >= k, $"open {before} → closed {after}: {early} → {final}");
            }
        }
    }

    [Fact]
    public void The_message_says_how_many_are_counted_and_why()
    {
        Assert.Contains("คำนวณจาก 5 คำตอบ (จากทั้งหมด 12)", Privacy.HeldBackMessage(5, 12).Th, StringComparison.Ordinal);
        Assert.Contains("10 responses", Privacy.HeldBackMessage(0, 7).En, StringComparison.Ordinal);
    }
}
