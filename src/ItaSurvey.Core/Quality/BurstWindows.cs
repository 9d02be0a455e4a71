namespace ItaSurvey.Core.Quality;

/// <summary>The count of one 10-minute window of one day (which window of the day is not known).</summary>
/// <param name="Day">The date in Thailand.</param>
/// <param name="Count">Submissions in the window.</param>
public readonly record struct WindowCount(DateOnly Day, int Count);

/// <summary>One day of a round's submissions as the burst check sees it.</summary>
/// <param name="Day">The date in Thailand.</param>
/// <param name="Submissions">Submissions that day; null when fewer than k (the privacy rule).</param>
/// <param name="LargestWindow">The most submissions in one 10-minute window that day; null when fewer than k.</param>
/// <param name="Bursts">Windows of that day called bursts.</param>
/// <param name="InBursts">Submissions in those windows.</param>
public sealed record BurstDay(DateOnly Day, int? Submissions, int? LargestWindow, int Bursts, int InBursts);

/// <summary>
/// Bursts: 10-minute windows far above a round's usual rate.
/// </summary>
/// <remarks>
/// The usual rate λ is the mean count of the round's other windows that had any submission at all
/// (the window tested is left out, so a burst does not raise its own yardstick). Counting only
/// windows with a submission puts λ above the true Poisson rate of a quiet round, which errs on the
/// side of calling fewer bursts. A window is a burst when P(X ≥ count) &lt; 10⁻⁶ for X ~ Poisson(λ)
/// (the same million-to-one threshold as the duplicate check: a round has a few thousand windows at
/// most, so honest traffic that followed the model would give a false burst in well under one round
/// in a hundred) and it holds at least max(<see cref="MinimumBurst"/>, k) submissions, so that a
/// burst is never a figure about fewer than k people.
/// </remarks>
public static class BurstWindows
{
    /// <summary>The fewest submissions a burst may have, whatever the rate: ten people answering in the same ten minutes can be a meeting.</summary>
    public const int MinimumBurst = 10;

    /// <summary>The windows' length.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>Every day with submissions, in date order, with its bursts; a day's counts below k are withheld (null).</summary>
    /// <param name="windows">Every non-empty window of the round and instrument.</param>
    /// <param name="k">The privacy rule's k.</param>
    public static IReadOnlyList<BurstDay> ByDay(IReadOnlyList<WindowCount> windows, int k)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var nonEmpty = windows.Where(w => w.Count > 0).ToList();
        long total = nonEmpty.Sum(w => (long)w.Count);
        var floor = Math.Max(MinimumBurst, k);
        return [.. nonEmpty.GroupBy(w => w.Day).OrderBy(g => g.Key).Select(day =>
        {
            var bursts = day.Where(w => IsBurst(w.Count, total, nonEmpty.Count, floor)).ToList();
            var (submissions, largest) = (day.Sum(w => w.Count), day.Max(w => w.Count));
            return new BurstDay(day.Key, submissions >= k ? submissions : null, largest >= k ? largest : null, bursts.Count, bursts.Sum(w => w.Count));
        })];
    }

    /// <summary>The usual count of a window, leaving one window of <paramref name="count"/> out of <paramref name="windows"/> totalling <paramref name="total"/>.</summary>
    public static double UsualRate(int count, long total, int windows) =>
        windows <= 1 ? 1 : (total - count) / (double)(windows - 1);

    private static bool IsBurst(int count, long total, int windows, int floor) =>
        count >= floor && PoissonTail.AtLeast(count, UsualRate(count, total, windows)) < PoissonTail.Threshold;
}
