using ItaSurvey.Web.Agencies;

namespace ItaSurvey.Web.Rounds;

/// <summary>One agency's assessment in one fiscal year, answered with that year's questionnaires.</summary>
public sealed class AssessmentRound
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public Agency Agency { get; set; } = null!;

    /// <summary>The fiscal year (Buddhist Era).</summary>
    public int FiscalYear { get; set; }

    /// <summary>
    /// The published version of the year's definitions the round was opened with: its answers are
    /// always scored by it, whatever is published later, until an administrator re-pins the round.
    /// Null only between the migration that added it and the first start that pins old rounds.
    /// </summary>
    public int? SurveyVersionId { get; set; }

    /// <summary>The first day responses are accepted (Thai date).</summary>
    public DateOnly OpensOn { get; set; }

    /// <summary>The last day responses are accepted (Thai date).</summary>
    public DateOnly ClosesOn { get; set; }

    public IitMode IitMode { get; set; }

    /// <summary>Whether the round's public ITA page (/ita/{agency}/{year}) is published: off until an administrator turns it on.</summary>
    public bool PublicPage { get; set; }

    /// <summary>Whether that page also shows the round's scores once the round has finished (and only what the privacy rules allow).</summary>
    public bool PublicScores { get; set; }

    public List<PublicLink> Links { get; set; } = [];
}

/// <summary>How staff reach the IIT questionnaire.</summary>
public enum IitMode
{
    /// <summary>One shared link, like the NACC's ITAS.</summary>
    OpenLink,

    /// <summary>Each staff member gets a code that works once.</summary>
    SingleUseCodes,
}

/// <summary>The public short link of a round's instrument: /go/{instrument}/{code}.</summary>
public sealed class PublicLink
{
    public required string Code { get; set; }

    public int RoundId { get; set; }

    public AssessmentRound Round { get; set; } = null!;

    /// <summary>"IIT" or "EIT".</summary>
    public required string Instrument { get; set; }
}

/// <summary>
/// A single-use IIT code. It only records whether it was used: no time and no link to the
/// response it admitted, so no response can be traced back to the slip it came from.
/// </summary>
public sealed class AccessCode
{
    public required string Code { get; set; }

    public int RoundId { get; set; }

    public bool Used { get; set; }
}
