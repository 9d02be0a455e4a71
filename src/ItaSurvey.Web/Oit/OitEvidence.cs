using ItaSurvey.Core.Evidence;

namespace ItaSurvey.Web.Oit;

/// <summary>
/// The agency's answer to one OIT checklist item in one round: มี/ไม่มี, where on its website
/// the evidence is, and an explanation. Scored 100 when present, 0 when not.
/// </summary>
public sealed class OitEvidence
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    /// <summary>The item's code in that year's numbering, e.g. "O4".</summary>
    public required string ItemCode { get; set; }

    /// <summary>มี (true), ไม่มี (false), or not yet answered (null).</summary>
    public bool? Present { get; set; }

    public string? Explanation { get; set; }

    /// <summary>When the answer, its URLs or their labels last changed (UTC); shown on the public ITA page.</summary>
    public DateTime? UpdatedAt { get; set; }

    public List<OitEvidenceUrl> Urls { get; set; } = [];
}

/// <summary>A URL given as evidence, with what the background link check last found.</summary>
public sealed class OitEvidenceUrl
{
    public int Id { get; set; }

    public int EvidenceId { get; set; }

    public required string Url { get; set; }

    /// <summary>What the agency calls the document ("แผนพัฒนาท้องถิ่น พ.ศ. 2566–2570"), shown as the link's text on the public ITA page.</summary>
    public string? Label { get; set; }

    /// <summary>The HTTP status of the last check, or null when it got no answer.</summary>
    public int? LastStatus { get; set; }

    /// <summary>Why the last check got no answer (timeout, DNS, TLS...).</summary>
    public string? LastError { get; set; }

    /// <summary>When it was last checked (UTC), or null when never.</summary>
    public DateTime? LastCheckedAt { get; set; }

    /// <summary>What the last check made of the evidence's text, or null when never judged.</summary>
    public EvidenceVerdict? Verdict { get; set; }

    /// <summary>Why, typed (stored by name).</summary>
    public EvidenceFinding? VerdictFinding { get; set; }

    /// <summary>The reason in one Thai sentence, as the judge gave it.</summary>
    public string? VerdictReason { get; set; }

    /// <summary>What was seen: years, words found and missing, the status or the limit reached.</summary>
    public string? VerdictDetail { get; set; }

    /// <summary>Whether the address answered is on one of the agency's domains; null when the agency named none.</summary>
    public bool? OnAgencySite { get; set; }
}
