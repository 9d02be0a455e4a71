using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Core.Quality;

/// <summary>How an instrument's share of flagged responses may be shown beside other agencies'.</summary>
public enum FlaggedShareState
{
    /// <summary>No figure: no collected round, or a figure made under other rules.</summary>
    Unknown,

    /// <summary>Fewer than k responses: nothing about them is shown.</summary>
    Withheld,

    /// <summary>At least k responses but fewer than k flagged: the count is not shown (the panel says "fewer than k").</summary>
    FewFlagged,

    /// <summary>At least k responses and at least k flagged: the share is shown.</summary>
    Shown,
}

/// <summary>An instrument's share of flagged responses, the privacy rule applied.</summary>
/// <param name="State">What may be shown.</param>
/// <param name="Share">The flagged share, 0–1, when <see cref="FlaggedShareState.Shown"/>; otherwise null.</param>
public sealed record FlaggedShare(FlaggedShareState State, double? Share)
{
    /// <summary>No figure.</summary>
    public static readonly FlaggedShare Unknown = new(FlaggedShareState.Unknown, null);

    /// <summary>
    /// The value to sort by: the share when shown; 0 when fewer than k are flagged (ordered as if none
    /// were, so that the order never tells how many); null when nothing may be said.
    /// </summary>
    public double? SortValue => State switch
    {
        FlaggedShareState.Shown => Share,
        FlaggedShareState.FewFlagged => 0,
        _ => null,
    };

    /// <summary>
    /// The share of <paramref name="flagged"/> among <paramref name="responses"/> under the k rule, as
    /// on the round's quality panel: nothing below k responses, no count below k flagged.
    /// </summary>
    /// <param name="responses">Responses looked at; null when unknown.</param>
    /// <param name="flagged">Of those, responses carrying any signal; null when unknown.</param>
    /// <param name="k">The privacy rule's k.</param>
    public static FlaggedShare Of(long? responses, long? flagged, int k)
    {
        if (responses is not { } n || flagged is not { } f || f > n)
        {
            return Unknown;
        }
        if (Privacy.Withhold(n, k))
        {
            return new FlaggedShare(FlaggedShareState.Withheld, null);
        }
        return Privacy.Withhold(f, k) ? new FlaggedShare(FlaggedShareState.FewFlagged, null) : new FlaggedShare(FlaggedShareState.Shown, f / (double)n);
    }

    /// <summary>
    /// How many of a round's responses to one instrument carry any signal: the stored bits, or one of
    /// an improbable group of identical answers (<see cref="DuplicateAnswers"/>). The figure behind the
    /// share; the privacy rule is applied by <see cref="Of"/> where it is shown.
    /// </summary>
    public static long CountFlagged(CompiledQuestionnaire questionnaire, IReadOnlyList<(byte[] Levels, ResponseSignal Stored)> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var duplicates = DuplicateAnswers.Find(questionnaire, [.. responses.Select(r => r.Levels)]);
        var flagged = 0L;
        for (var i = 0; i < responses.Count; i++)
        {
            if ((responses[i].Stored & ResponseSignals.Stored) != 0 || duplicates.Flagged[i])
            {
                flagged++;
            }
        }
        return flagged;
    }
}
