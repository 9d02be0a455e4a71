using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Statistics;

/// <summary>
/// A change in a score between two fiscal years and Welch's two-sample t-test of it, on
/// per-respondent scores.
/// </summary>
/// <param name="Difference">Current mean − previous mean; null when a year has no respondents.</param>
/// <param name="T">Welch's t: the difference over √(s₁²/n₁ + s₂²/n₂); null when not tested.</param>
/// <param name="DegreesOfFreedom">The Welch–Satterthwaite degrees of freedom; null when not tested.</param>
/// <param name="PValue">The two-sided p-value; null when not tested.</param>
/// <param name="Lower">The lower end of the confidence interval of the difference; null when not tested.</param>
/// <param name="Upper">The upper end of the confidence interval of the difference; null when not tested.</param>
/// <param name="Verdict">Whether the change is significant, or why there is no test.</param>
/// <param name="Message">The verdict in plain words, in Thai and English.</param>
public sealed record ScoreChange(
    double? Difference,
    double? T,
    double? DegreesOfFreedom,
    double? PValue,
    double? Lower,
    double? Upper,
    ChangeVerdict Verdict,
    LocalizedText Message)
{
    /// <summary>True when the change is significant at the level the test was run at.</summary>
    public bool IsSignificant => Verdict is ChangeVerdict.Rose or ChangeVerdict.Fell;
}

/// <summary>What a year-over-year test says.</summary>
public enum ChangeVerdict
{
    /// <summary>The score rose, significantly.</summary>
    Rose,

    /// <summary>The score fell, significantly.</summary>
    Fell,

    /// <summary>The difference could be chance.</summary>
    NotSignificant,

    /// <summary>A year has fewer than two respondents: no test.</summary>
    TooFewRespondents,

    /// <summary>Every respondent of both years gave the same score: no test.</summary>
    NoVariance,
}
