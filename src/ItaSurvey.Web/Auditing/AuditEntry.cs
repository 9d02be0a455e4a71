namespace ItaSurvey.Web.Auditing;

/// <summary>One administrative action: who did what, when, to which agency.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When, in UTC.</summary>
    public DateTime At { get; set; }

    public string? UserId { get; set; }

    /// <summary>The user's e-mail at the time (kept even if the account is deleted), or "cli" for command-line verbs.</summary>
    public required string Actor { get; set; }

    /// <summary>A stable action name such as "round.create" or "oit.update".</summary>
    public required string Action { get; set; }

    public int? AgencyId { get; set; }

    /// <summary>What changed, in a sentence or a few key=value pairs. Never a password or a token.</summary>
    public string? Details { get; set; }
}
