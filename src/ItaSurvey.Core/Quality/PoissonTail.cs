using MathNet.Numerics;

namespace ItaSurvey.Core.Quality;

/// <summary>The upper tail of the Poisson distribution, which both the duplicate and the burst checks ask.</summary>
public static class PoissonTail
{
    /// <summary>
    /// The significance both checks use: a count is called improbable when chance would give one
    /// at least as large less than once in a million. See <see cref="DuplicateAnswers"/> and
    /// <see cref="BurstWindows"/> for why so strict.
    /// </summary>
    public const double Threshold = 1e-6;

    /// <summary>
    /// P(X ≥ <paramref name="count"/>) for X ~ Poisson(<paramref name="mean"/>). Computed as the
    /// regularised lower incomplete gamma function P(count, mean), which keeps its digits far
    /// below 1e-6 where 1 − CDF would round to zero.
    /// </summary>
    public static double AtLeast(long count, double mean)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mean);
        if (count <= 0)
        {
            return 1;
        }
        return mean == 0 ? 0 : SpecialFunctions.GammaLowerRegularized(count, mean);
    }
}
