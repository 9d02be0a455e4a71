namespace ItaSurvey.Core.Quality;

/// <summary>
/// How a finished day's window counts are kept: ranked, largest first, with the windows' times of
/// day thrown away. While a day runs its counts must be kept per window of the day (the next
/// submission has to find its window); once the day is over only the counts matter to the burst
/// check, so the window numbers are replaced by ranks and nothing is left to tell when in the day
/// anything arrived.
/// </summary>
public static class WindowRanking
{
    /// <summary>The first rank. Window numbers of a running day are 0–143, ranks start far above them, so a row says which kind it is.</summary>
    public const int FirstRank = 1000;

    /// <summary>Windows in a day.</summary>
    public const int WindowsPerDay = 144;

    /// <summary>The window of the day a time of day falls in (0–143).</summary>
    public static int WindowOf(TimeOnly timeOfDay) => (int)(timeOfDay.Ticks / BurstWindows.Window.Ticks);

    /// <summary>True when a stored slot number is a rank (a finished day), not a window of the day.</summary>
    public static bool IsRank(int slot) => slot >= FirstRank;

    /// <summary>
    /// A finished day's non-empty counts as (rank, count) pairs, largest first. The result depends
    /// only on the counts, never on which windows they came from.
    /// </summary>
    public static IReadOnlyList<(int Rank, int Count)> Rank(IEnumerable<int> counts) =>
        [.. counts.Where(c => c > 0).OrderByDescending(c => c).Select((c, i) => (FirstRank + i, c))];
}
