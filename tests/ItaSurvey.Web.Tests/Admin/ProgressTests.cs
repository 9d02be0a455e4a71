using ItaSurvey.Web.Rounds;
using Microsoft.Extensions.Time.Testing;

namespace ItaSurvey.Web.Tests.Admin;

public class ProgressTests
{
    [Fact]
    public void Progress_rounds_down_so_one_short_never_shows_as_done()
    {
        var progress = new SampleProgress("EIT", 59, 60);

        Assert.Equal(98, progress.Percent);
        Assert.False(progress.Reached);
        Assert.Equal(1, progress.Remaining);
    }

    [Fact]
    public void More_than_the_minimum_caps_at_100_percent_with_nothing_remaining()
    {
        var progress = new SampleProgress("IIT", 45, 30);

        Assert.Equal(100, progress.Percent);
        Assert.True(progress.Reached);
        Assert.Equal(0, progress.Remaining);
    }

    [Fact]
    public void An_agency_group_without_a_minimum_has_no_percentage()
    {
        var progress = new SampleProgress("EIT", 12, null);

        Assert.Null(progress.Percent);
        Assert.False(progress.Reached);
    }

    [Fact]
    public void A_round_shows_IIT_then_EIT_with_zero_for_an_instrument_without_responses()
    {
        var rows = SampleProgress.For(new Dictionary<string, long> { ["EIT"] = 7 }, 30, 60);

        Assert.Equal([new SampleProgress("IIT", 0, 30), new SampleProgress("EIT", 7, 60)], rows);
    }

    [Fact]
    public void Scores_are_recomputed_after_a_change_at_most_once_per_interval()
    {
        var clock = new FakeTimeProvider();
        var throttle = new ScoreThrottle(TimeSpan.FromSeconds(30), clock);

        Assert.False(throttle.Due(countsChanged: true)); // just scored when the page loaded
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(throttle.Due(countsChanged: false)); // the change 30 s ago is now due
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.False(throttle.Due(countsChanged: false)); // nothing new arrived
        Assert.True(throttle.Due(countsChanged: true));
    }
}
