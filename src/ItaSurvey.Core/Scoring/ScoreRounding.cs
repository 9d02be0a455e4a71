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

    /// <summary>A score as shown: two decimals ("87.17"), or "–" when there is no score yet.</summary>
    public static string Display(double? value, int decimals = 2) =>
        value is { } v && double.IsFinite(v)
            ? Round(v, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : "–";
}
