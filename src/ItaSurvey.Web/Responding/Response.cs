using ItaSurvey.Core.Quality;

namespace ItaSurvey.Web.Responding;

/// <summary>
/// One anonymous response. Deliberately absent: IP address, user agent, cookie values, access
/// codes and the time of day. The date is all that is kept of when.
/// </summary>
public sealed class Response
{
    public long Id { get; set; }

    public int RoundId { get; set; }

    /// <summary>"IIT" or "EIT".</summary>
    public required string Instrument { get; set; }

    /// <summary>The Thai calendar date of submission.</summary>
    public DateOnly SubmittedOn { get; set; }

    /// <summary>The random key of the form render that was submitted; unique, so a resubmit stores nothing.</summary>
    public Guid SubmissionKey { get; set; }

    /// <summary>The answer layout the levels follow (<see cref="Core.Scoring.CompiledQuestionnaire.Fingerprint"/>).</summary>
    public required string FormVersion { get; set; }

    /// <summary>One byte per answer field, in the questionnaire's field order: the level chosen (0 = least).</summary>
    public required byte[] Answers { get; set; }

    /// <summary>EIT only: the capacity in which the respondent contacted the agency (citizen, business, agency).</summary>
    public string? RespondentGroup { get; set; }

    /// <summary>
    /// The quality signals decided at submission, as class bits only (<see cref="ResponseSignals.Stored"/>:
    /// too fast, straight-lined, contradictory). Never how long the form took or when it was sent.
    /// </summary>
    public ResponseSignal Signals { get; set; }
}
