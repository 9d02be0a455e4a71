namespace ItaSurvey.Testing;

/// <summary>create-round --json, as scripts read it.</summary>
public sealed record CreatedRound(int RoundId, int AgencyId, string Agency, string Province, bool AgencyExisted, int FiscalYear,
    string IitMode, DateOnly OpensOn, DateOnly ClosesOn, IReadOnlyList<RoundLink> Links)
{
    /// <summary>The link of an instrument, "IIT" or "EIT".</summary>
    public RoundLink Link(string instrument) => Links.Single(l => l.Instrument == instrument);
}

/// <summary>A public link of a round: /go/eit/CODE.</summary>
public sealed record RoundLink(string Instrument, string Code, string Path);

/// <summary>generate-codes --json.</summary>
public sealed record GeneratedCodes(int RoundId, IReadOnlyList<string> Codes);

/// <summary>create-token --json: the secret is shown only here.</summary>
public sealed record CreatedToken(int TokenId, string Name, string Email, IReadOnlyList<string> Roles, string Token);
