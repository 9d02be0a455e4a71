using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Core.Quality;

/// <summary>
/// The instrument's score as collected next to its score without the flagged responses: a
/// sensitivity check, never a result (the ITA's score counts every response).
/// </summary>
/// <param name="Collected">The instrument score from every response, as the ITA computes it.</param>
/// <param name="WithoutFlagged">The same score from the unflagged responses only.</param>
/// <param name="Difference">Collected − without flagged.</param>
/// <param name="Lower">The lower end of the difference's 95 % interval; null when it cannot be computed.</param>
/// <param name="Upper">The upper end of the difference's 95 % interval; null when it cannot be computed.</param>
public sealed record Sensitivity(double Collected, double WithoutFlagged, double Difference, double? Lower, double? Upper);

/// <summary>Computes <see cref="Sensitivity"/>.</summary>
public static class SensitivityCheck
{
    /// <summary>
    /// The difference and its interval. With n_f flagged and n_u unflagged responses (N in all) and
    /// their mean per-respondent scores m_f and m_u, the collected mean is (n_f·m_f + n_u·m_u)/N, so
    /// collected − unflagged = (n_f/N)·(m_f − m_u). The interval is Welch's 95 % interval of
    /// m_f − m_u scaled by n_f/N. The scores themselves are the scorer's (every field of a stored
    /// response is answered, so they equal the respondent means).
    /// </summary>
    /// <param name="collected">The instrument score of every response.</param>
    /// <param name="withoutFlagged">The instrument score of the unflagged responses.</param>
    /// <param name="flagged">Per-respondent instrument scores of the flagged responses.</param>
    /// <param name="unflagged">Per-respondent instrument scores of the unflagged responses.</param>
    public static Sensitivity Compare(double collected, double withoutFlagged, SampleSummary flagged, SampleSummary unflagged)
    {
        var difference = collected - withoutFlagged;
        var total = flagged.N + unflagged.N;
        var welch = YearOverYear.Compare(unflagged, flagged);
        if (total == 0 || welch.Lower is null || welch.Upper is null)
        {
            return new Sensitivity(collected, withoutFlagged, difference, null, null);
        }
        var share = flagged.N / (double)total;
        return new Sensitivity(collected, withoutFlagged, difference, share * welch.Lower.Value, share * welch.Upper.Value);
    }
}
