using MathNet.Numerics.Distributions;

namespace ItaSurvey.Core.Statistics;

/// <summary>The Student t quantiles and tail areas the intervals and tests use, from MathNet.</summary>
internal static class StudentTQuantile
{
    /// <summary>The t value that leaves (1 − confidence) / 2 in the upper tail: 2.262 for 95 % and 9 df.</summary>
    public static double TwoSided(double confidence, double degreesOfFreedom) =>
        StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - ((1 - confidence) / 2));

    /// <summary>P(|T| ≥ |t|), from the lower tail so that tiny p-values keep their digits.</summary>
    public static double TwoSidedP(double t, double degreesOfFreedom) =>
        Math.Min(1, 2 * StudentT.CDF(0, 1, degreesOfFreedom, -Math.Abs(t)));

    /// <summary>Checks a confidence or significance level: strictly between 0 and 1.</summary>
    public static void CheckProbability(double level, string parameterName)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(parameterName, level, "A confidence or significance level lies strictly between 0 and 1.");
        }
    }
}
