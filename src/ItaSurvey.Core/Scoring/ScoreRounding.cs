using System.Globalization;

namespace ItaSurvey.Core.Scoring;

/// <summary>
/// Rounding for display and for comparisons made at published precision. Scores are kept at
/// full precision everywhere else.
/// </summary>
public static class ScoreRounding
{
    /// <summary>
    /// Rounds half away from zero, as the published figures are. The value passes through
    /// decimal (15 significant digits), so 87.965 — stored as 87.96499999999999 — becomes 87.97.
    /// </summary>
    public static decimal Round(double value, int decimals = 2) =>
        Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The change between two scores as readers see it: the difference of the two published
    /// (rounded) scores, so that "+1.63" never sits beside two scores shown 1.62 apart.
    /// </summary>
    /// <param name="current">The later score at full precision.</param>
    /// <param name="previous">The earlier score at full precision.</param>
    /// <param name="decimals">The places scores are published at.</param>
    public static double? Change(double? current, double? previous, int decimals = 2) =>
        current is { } now && previous is { } before ? (double)(Round(now, decimals) - Round(before, decimals)) : null;

    /// <summary>A score as shown: two decimals ("87.17"), or "–" when there is no score yet.</summary>
    public static string Display(double? value, int decimals = 2) =>
        value is { } v && double.IsFinite(v)
            ? Round(v, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : "–";
}
