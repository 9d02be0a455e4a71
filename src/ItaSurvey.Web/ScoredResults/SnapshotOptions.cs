using ItaSurvey.Web.Hosting;

namespace ItaSurvey.Web.ScoredResults;

/// <summary>The background refresh of round score snapshots (section "Dashboards:Snapshots").</summary>
public sealed class SnapshotOptions : IPeriodicWorkOptions
{
    public const string Section = "Dashboards:Snapshots";

    /// <summary>Off stops the periodic refresh; <see cref="SnapshotRefresher.RefreshAsync"/> still works.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after start the first pass begins.</summary>
    [TimeSpanRange("00:00:00", "01:00:00")]
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time between checks for rounds whose responses or OIT evidence changed.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);
}
