using ItaSurvey.Core.Quality;

namespace ItaSurvey.Web.Responding;

/// <summary>
/// How many responses of a round and instrument arrived in one 10-minute window: an aggregate
/// counter, never linked to a response. While its day runs, <see cref="Slot"/> is the window of the
/// day (0–143, Thai time); once the day is over the day's rows are replaced by the same counts
/// ranked largest first (<see cref="WindowRanking.FirstRank"/> upwards), so nothing is left that
/// says when in the day anything arrived.
/// </summary>
public sealed class SubmissionWindow
{
    public int RoundId { get; set; }

    /// <summary>"IIT" or "EIT".</summary>
    public required string Instrument { get; set; }

    /// <summary>The date in Thailand.</summary>
    public DateOnly Day { get; set; }

    /// <summary>The window of a running day, or a finished day's rank.</summary>
    public int Slot { get; set; }

    /// <summary>Responses stored in the window.</summary>
    public int Count { get; set; }
}
