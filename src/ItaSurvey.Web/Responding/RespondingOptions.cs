using System.ComponentModel.DataAnnotations;
using ItaSurvey.Core.Quality;

namespace ItaSurvey.Web.Responding;

/// <summary>Configuration section "Responding": limits on the public forms.</summary>
public sealed class RespondingOptions
{
    public const string Section = "Responding";

    /// <summary>
    /// Submissions accepted per client address per minute. Generous, because mobile networks put
    /// many people behind one address; the address is held in memory only, never stored.
    /// </summary>
    [Range(1, 1_000_000)]
    public int SubmissionsPerMinutePerClient { get; set; } = 60;

    /// <summary>The largest form body accepted, in bytes. A complete IIT form is about 2 KB.</summary>
    [Range(1024, 1_048_576)]
    public int MaxFormBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// Record the quality signals at submission (the signal classes and the 10-minute window
    /// counters). On by default; off only to measure what they cost.
    /// </summary>
    public bool QualitySignals { get; set; } = true;

    /// <summary>An IIT form sent back sooner than this after it was shown is classed "too fast" (51 answer fields).</summary>
    [Range(1, 3600)]
    public int TooFastSecondsIit { get; set; } = SpeedClass.DefaultIitSeconds;

    /// <summary>An EIT form sent back sooner than this after it was shown is classed "too fast" (18 answer fields).</summary>
    [Range(1, 3600)]
    public int TooFastSecondsEit { get; set; } = SpeedClass.DefaultEitSeconds;

    /// <summary>The too-fast threshold of an instrument.</summary>
    public int TooFastSeconds(string instrument) => instrument == "IIT" ? TooFastSecondsIit : TooFastSecondsEit;
}
