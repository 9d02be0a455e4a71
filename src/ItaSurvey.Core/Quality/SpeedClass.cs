namespace ItaSurvey.Core.Quality;

/// <summary>
/// The too-fast signal. The only thing kept is the class: whether the form came back sooner than
/// the threshold after it was shown. The duration itself and the time of day are dropped at once.
/// </summary>
public static class SpeedClass
{
    /// <summary>The default threshold for the IIT (51 answer fields): under 90 seconds is under two seconds a field.</summary>
    public const int DefaultIitSeconds = 90;

    /// <summary>The default threshold for the EIT (18 answer fields): under 30 seconds is under two seconds a field.</summary>
    public const int DefaultEitSeconds = 30;

    /// <summary>
    /// <see cref="ResponseSignal.TooFast"/> when <paramref name="elapsed"/> (from the form's render
    /// to its submission) is under <paramref name="thresholdSeconds"/>; otherwise none. A negative
    /// elapsed time (clocks of two servers a little apart) counts as too fast only below the threshold too.
    /// </summary>
    public static ResponseSignal Of(TimeSpan elapsed, int thresholdSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(thresholdSeconds, 1);
        return elapsed < TimeSpan.FromSeconds(thresholdSeconds) ? ResponseSignal.TooFast : ResponseSignal.None;
    }
}
