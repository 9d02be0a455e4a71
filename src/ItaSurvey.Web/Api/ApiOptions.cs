using System.ComponentModel.DataAnnotations;

namespace ItaSurvey.Web.Api;

/// <summary>Configuration section "Api": limits of the REST API.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests per minute per user, shared by all of the user's tokens and the admin cookie.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 120;
}
