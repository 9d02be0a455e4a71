using ItaSurvey.Web.Hosting;

namespace ItaSurvey.Web.Responding;

/// <summary>The background ranking of finished days' submission windows (section "Responding:WindowRanking").</summary>
public sealed class WindowRankingOptions : IPeriodicWorkOptions
{
    public const string Section = "Responding:WindowRanking";

    /// <summary>Off leaves the ranking to the first submission after a day ends (a day without one keeps its windows).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after start the first pass begins.</summary>
    [TimeSpanRange("00:00:00", "01:00:00")]
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time between passes: at most this long after midnight (Thai time) a finished day still has its windows of the day.</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
