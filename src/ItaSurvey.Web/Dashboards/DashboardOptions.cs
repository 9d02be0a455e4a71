using System.ComponentModel.DataAnnotations;
using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Web.Dashboards;

/// <summary>Configuration section "Dashboards": the privacy rule of every score and breakdown shown.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboards";

    /// <summary>
    /// k of the k-anonymity rule: a score, distribution or breakdown built from fewer responses
    /// than this is withheld with a plain message. At least 2; 5 unless configured.
    /// </summary>
    [Range(2, 1000)]
    public int MinimumResponses { get; set; } = Privacy.DefaultMinimumResponses;
}
