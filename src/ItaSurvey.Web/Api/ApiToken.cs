namespace ItaSurvey.Web.Api;

/// <summary>
/// A personal API token. Only its SHA-256 hash is stored; the token itself is shown once when
/// created. It acts with its owner's role and agencies until revoked.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>What the owner called it ("provincial dashboard").</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the token, to tell tokens apart in lists.</summary>
    public required string Prefix { get; set; }

    public required byte[] Hash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateOnly? LastUsedOn { get; set; }
}
