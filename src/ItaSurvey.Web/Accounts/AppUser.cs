using Microsoft.AspNetCore.Identity;

namespace ItaSurvey.Web.Accounts;

/// <summary>A person who administers or reads assessments. Respondents never have accounts.</summary>
public sealed class AppUser : IdentityUser
{
    public List<AgencyAssignment> Agencies { get; set; } = [];
}

/// <summary>An agency an agency administrator or viewer may see. System administrators see all.</summary>
public sealed class AgencyAssignment
{
    public required string UserId { get; set; }

    public int AgencyId { get; set; }
}

/// <summary>The three roles; a user has exactly one.</summary>
public static class Roles
{
    /// <summary>Every agency, users, the audit log.</summary>
    public const string SystemAdmin = "SystemAdmin";

    /// <summary>Runs the assessments of the agencies assigned to them.</summary>
    public const string AgencyAdmin = "AgencyAdmin";

    /// <summary>Reads the dashboards of the agencies assigned to them.</summary>
    public const string Viewer = "Viewer";

    public static readonly string[] All = [SystemAdmin, AgencyAdmin, Viewer];

    public static string ThaiName(string role) => role switch
    {
        SystemAdmin => "ผู้ดูแลระบบ",
        AgencyAdmin => "ผู้ดูแลหน่วยงาน",
        _ => "ผู้ดูผล",
    };
}
