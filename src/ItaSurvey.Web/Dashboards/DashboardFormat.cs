using System.Globalization;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Web.Dashboards;

/// <summary>How dashboard figures are written: scores at the ITA's two decimals, signed changes, intervals.</summary>
public static class DashboardFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A score as published ("92.31"), or a dash when there is none.</summary>
    public static string Score(double? score) => score is null ? "–" : ScoreRounding.Display(score);

    /// <summary>A 95 % interval ("90.12–94.50"), or a dash without one.</summary>
    public static string Interval(ScoreEstimate? estimate) =>
        estimate is { HasInterval: true } e ? $"{Score(e.Lower)}–{Score(e.Upper)}" : "–";

    /// <summary>A change with its sign ("+2.31", "−0.80", "0.00").</summary>
    public static string Change(double difference)
    {
        var shown = Math.Round(difference, 2, MidpointRounding.AwayFromZero);
        return shown switch
        {
            > 0 => "+" + shown.ToString("0.00", Invariant),
            < 0 => "−" + (-shown).ToString("0.00", Invariant),
            _ => "0.00",
        };
    }

    /// <summary>Cronbach's alpha to two decimals, or the reason it is missing in short.</summary>
    public static string Alpha(CronbachAlpha? alpha) => alpha?.Alpha is { } a ? a.ToString("0.00", Invariant) : "–";

    /// <summary>A share of a count as a whole percentage ("42%").</summary>
    public static string Percent(long part, long whole) =>
        whole == 0 ? "–" : (100.0 * part / whole).ToString("0", Invariant) + "%";

    /// <summary>The CSS class of an indicator status.</summary>
    public static string StatusClass(IndicatorStatus status) => "status-" + status.ToString().ToLowerInvariant();
}
