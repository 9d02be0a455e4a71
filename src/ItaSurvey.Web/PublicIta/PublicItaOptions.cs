using System.ComponentModel.DataAnnotations;

namespace ItaSurvey.Web.PublicIta;

/// <summary>Configuration section "PublicIta": limits on the public ITA pages, their QR codes and published files.</summary>
public sealed class PublicItaOptions
{
    public const string Section = "PublicIta";

    /// <summary>
    /// Requests per client address per minute. Generous, because an assessor or a school's
    /// network puts many readers behind one address; the address is held in memory only.
    /// </summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinutePerClient { get; set; } = 300;
}
