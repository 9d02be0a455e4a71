using System.ComponentModel.DataAnnotations;

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
}
