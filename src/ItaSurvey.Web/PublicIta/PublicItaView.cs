namespace ItaSurvey.Web.PublicIta;

/// <summary>
/// What the public ITA page of an agency's round shows: the OIT items grouped as the round's
/// pinned version groups them, with the agency's evidence links, and, when published and allowed,
/// the finished round's scores. Nothing of the IIT or EIT answers is in it.
/// </summary>
public sealed record PublicItaView(string AgencyCode, string AgencyName, string Province, int FiscalYear,
    IReadOnlyList<PublicIndicator> Indicators, PublicScores? Scores)
{
    /// <summary>The page's path: /ita/{agency code}/{fiscal year}.</summary>
    public string Path => PathOf(AgencyCode, FiscalYear);

    public static string PathOf(string agencyCode, int fiscalYear) => $"/ita/{agencyCode}/{fiscalYear}";

    public IEnumerable<PublicItem> Items => Indicators.SelectMany(i => i.Sections).SelectMany(s => s.Items);
}

/// <summary>An OIT indicator (9, 10) with its sub-indicators.</summary>
public sealed record PublicIndicator(string Code, string Name, IReadOnlyList<PublicSection> Sections);

/// <summary>A sub-indicator (9.1 …) with its items in checklist order.</summary>
public sealed record PublicSection(string Code, string Name, IReadOnlyList<PublicItem> Items);

/// <summary>
/// One OIT item: its code and title, what the agency answered (true มี, false ไม่มี, null not yet),
/// its evidence links and when the agency last changed them (UTC), if known.
/// </summary>
public sealed record PublicItem(string Code, string Title, bool? Present, IReadOnlyList<PublicEvidenceLink> Links, DateTime? UpdatedAt)
{
    /// <summary>An item shows evidence only when the agency says it has it and gave a link.</summary>
    public bool HasEvidence => Present == true && Links.Count > 0;
}

/// <summary>An evidence link: the label the agency chose (or null) and the URL as stored.</summary>
public sealed record PublicEvidenceLink(string? Label, string Url);

/// <summary>
/// A finished round's scores as the public may see them: the total and rating only when every
/// instrument has a score; each instrument and indicator with its score, or null when the
/// privacy rule withholds it (fewer than k responses).
/// </summary>
public sealed record PublicScores(double? Total, string? Rating, IReadOnlyList<PublicScore> Instruments, IReadOnlyList<PublicScore> Indicators, int MinimumResponses);

/// <summary>A score line: its code and Thai name, the weight of an instrument (null for an indicator), the score or null (withheld or none).</summary>
public sealed record PublicScore(string Code, string Name, double? Weight, double? Score, bool Withheld);
