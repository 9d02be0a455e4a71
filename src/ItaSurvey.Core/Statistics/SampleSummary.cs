namespace ItaSurvey.Core.Statistics;

/// <summary>
/// What the statistics need to know of a sample of per-respondent scores: its size, mean and
/// sample variance (divided by n − 1). Built by <see cref="RespondentScores"/>, or from
/// figures known elsewhere.
/// </summary>
/// <param name="N">How many values the sample has.</param>
/// <param name="Mean">The mean; 0 when <paramref name="N"/> is 0.</param>
/// <param name="Variance">The sample variance; 0 when <paramref name="N"/> is below 2 (see <see cref="HasVariance"/>).</param>
public readonly record struct SampleSummary(long N, double Mean, double Variance)
{
    /// <summary>True when the sample has at least two values, so its variance means something.</summary>
    public bool HasVariance => N >= 2;

    /// <summary>The sample standard deviation.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Summarises values held in memory (for small samples and for tests).</summary>
    public static SampleSummary Of(ReadOnlySpan<double> values)
    {
        var moments = new RunningMoments();
        foreach (var value in values)
        {
            moments.Add(value);
        }
        return moments.Summary();
    }

    internal void Validate(string parameterName)
    {
        if (N < 0 || !double.IsFinite(Mean) || !double.IsFinite(Variance) || Variance < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, this, "A sample needs N ≥ 0, a finite mean and a finite variance ≥ 0.");
        }
    }
}
