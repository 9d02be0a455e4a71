namespace ItaSurvey.Web.Rounds;

/// <summary>
/// Decides when a live page re-scores a round. Counting responses is one indexed query and runs
/// every few seconds; scoring tallies every response, so it runs only after the counts changed
/// and at most once per interval.
/// </summary>
public sealed class ScoreThrottle(TimeSpan interval, TimeProvider clock)
{
    private DateTimeOffset _scoredAt = clock.GetUtcNow();

    private bool _stale;

    /// <summary>Call on every poll with whether the counts changed; true when the page should re-score now.</summary>
    public bool Due(bool countsChanged)
    {
        _stale |= countsChanged;
        if (!_stale || clock.GetUtcNow() - _scoredAt < interval)
        {
            return false;
        }
        (_stale, _scoredAt) = (false, clock.GetUtcNow());
        return true;
    }
}
