namespace ItaSurvey.Core.Statistics;

/// <summary>
/// A score with its confidence interval: mean ± t(1 − α/2, n − 1) · s / √n over per-respondent
/// scores, clipped to the score range [0, 100].
/// </summary>
/// <param name="Mean">The mean of the per-respondent scores.</param>
/// <param name="N">How many respondents have a score.</param>
/// <param name="StdDev">The sample standard deviation; null when <paramref name="N"/> is below 2.</param>
/// <param name="Lower">The interval's lower end; null when <paramref name="N"/> is below 2.</param>
/// <param name="Upper">The interval's upper end; null when <paramref name="N"/> is below 2.</param>
/// <param name="Confidence">The interval's confidence level (0.95).</param>
public sealed record ScoreEstimate(double Mean, long N, double? StdDev, double? Lower, double? Upper, double Confidence = 0.95)
{
    /// <summary>The lowest score there is.</summary>
    public const double MinScore = 0;

    /// <summary>The highest score there is.</summary>
    public const double MaxScore = 100;

    /// <summary>The estimate of a sample; null when the sample is empty.</summary>
    /// <param name="sample">Per-respondent scores of a question, indicator or instrument.</param>
    /// <param name="confidence">The interval's confidence level.</param>
    public static ScoreEstimate? Of(SampleSummary sample, double confidence = 0.95)
    {
        sample.Validate(nameof(sample));
        StudentTQuantile.CheckProbability(confidence, nameof(confidence));
        if (sample.N == 0)
        {
            return null;
        }
        if (!sample.HasVariance)
        {
            return new ScoreEstimate(sample.Mean, sample.N, null, null, null, confidence);
        }
        var margin = StudentTQuantile.TwoSided(confidence, sample.N - 1) * sample.StandardDeviation / Math.Sqrt(sample.N);
        return new ScoreEstimate(
            sample.Mean,
            sample.N,
            sample.StandardDeviation,
            Math.Clamp(sample.Mean - margin, MinScore, MaxScore),
            Math.Clamp(sample.Mean + margin, MinScore, MaxScore),
            confidence);
    }

    /// <summary>True when there is an interval (at least two respondents).</summary>
    public bool HasInterval => Lower is not null && Upper is not null;

    /// <summary>
    /// True when the interval contains the threshold (85 for the pass line): the data cannot tell
    /// on which side of it the agency stands. False when there is no interval.
    /// </summary>
    public bool CrossesThreshold(double threshold) => Lower <= threshold && threshold <= Upper;

    /// <summary>True when fewer respondents have a score than the minimum the year's rules ask for.</summary>
    public bool IsBelowMinimum(long minimumResponses) => N < minimumResponses;
}
