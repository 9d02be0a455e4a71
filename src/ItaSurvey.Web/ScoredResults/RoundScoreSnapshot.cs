namespace ItaSurvey.Web.ScoredResults;

/// <summary>
/// A round's scores as last computed from its responses and OIT evidence, so that views over
/// thousands of agencies read one row per round instead of re-scoring raw responses. Kept fresh
/// by <see cref="SnapshotRefresher"/>; withheld instruments (too few responses) are null here too.
/// </summary>
public sealed class RoundScoreSnapshot
{
    public int RoundId { get; set; }

    public int AgencyId { get; set; }

    public int FiscalYear { get; set; }

    public double? Total { get; set; }

    /// <summary>The rating level's code in that year's rules (e.g. "A", "passed-good").</summary>
    public string? RatingCode { get; set; }

    public double? Iit { get; set; }

    public double? Eit { get; set; }

    public double? Oit { get; set; }

    /// <summary>Indicator scores by stable code as JSON, e.g. {"1":95.2,"2":null,…}.</summary>
    public required string Indicators { get; set; }

    public long IitResponses { get; set; }

    public long EitResponses { get; set; }

    /// <summary>EIT responses of the current answer layout looked at by the quality signals; null before they were counted.</summary>
    public long? EitChecked { get; set; }

    /// <summary>
    /// Of <see cref="EitChecked"/>, how many carry any quality signal (stored bits or an improbable
    /// duplicate); the overview applies the k rule before showing the share.
    /// </summary>
    public long? EitFlagged { get; set; }

    /// <summary>The highest response id seen when scoring: a newer response makes the snapshot stale.</summary>
    public long LastResponseId { get; set; }

    /// <summary>All responses of the round when scoring, other answer layouts included: catches a late commit with a lower id.</summary>
    public long ResponseCount { get; set; }

    /// <summary>A fingerprint of the OIT checklist answers scored (see <see cref="SnapshotRefresher"/>).</summary>
    public long OitMark { get; set; }

    /// <summary>k of the privacy rule the snapshot was computed under; another k makes it stale.</summary>
    public int MinimumResponses { get; set; }

    /// <summary>When it was computed (UTC).</summary>
    public DateTime ComputedAt { get; set; }

    /// <summary>
    /// The scoring rules the snapshot was made under (<see cref="SnapshotRefresher.RulesVersion"/>):
    /// when the code that turns responses into figures changes, older snapshots go stale by themselves.
    /// </summary>
    public int RulesVersion { get; set; }
}
