namespace ItaSurvey.Web.Agencies;

/// <summary>A public agency that runs assessments.</summary>
public sealed class Agency
{
    public int Id { get; set; }

    public required string NameTh { get; set; }

    public string? NameEn { get; set; }

    public required string Province { get; set; }

    /// <summary>The agency group code of the year's EIT minimum-sample rules (e.g. tambon-municipality-s).</summary>
    public required string AgencyGroup { get; set; }

    /// <summary>Staff with at least one year of service: the base of the IIT minimum sample. No names are kept.</summary>
    public int StaffHeadcount { get; set; }

    /// <summary>
    /// The agency's code in the address of its public ITA page (/ita/{code}/{year}): six characters
    /// of the short-link alphabet, given when a page of the agency is first made public and never
    /// changed, so printed and shared addresses keep working. Not the database id, which would
    /// tell how many agencies there are.
    /// </summary>
    public string? PublicCode { get; set; }

    /// <summary>
    /// The agency's own web domains, space-separated, evened out (e.g. "khlongwan.go.th"): evidence
    /// under them is shown as on the agency's site. Other hosts are allowed, and shown as such.
    /// </summary>
    public string? WebDomains { get; set; }

    /// <summary>The web domains as a list.</summary>
    public IReadOnlyList<string> Domains() => (WebDomains ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
