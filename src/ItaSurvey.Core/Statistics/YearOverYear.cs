using System.Globalization;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Statistics;

/// <summary>Tests whether a score changed between two fiscal years (Welch's unequal-variance t-test).</summary>
public static class YearOverYear
{
    /// <summary>
    /// Compares the per-respondent scores of two years from their summaries:
    /// t = (m₂ − m₁) / √(v₁/n₁ + v₂/n₂), df = (v₁/n₁ + v₂/n₂)² / ((v₁/n₁)²/(n₁−1) + (v₂/n₂)²/(n₂−1)),
    /// p two-sided from Student's t, and the difference ± t(1 − α/2, df) · SE.
    /// </summary>
    /// <param name="previous">The earlier year's per-respondent scores.</param>
    /// <param name="current">The later year's per-respondent scores.</param>
    /// <param name="significance">The level α (0.05); the interval is at 1 − α.</param>
    public static ScoreChange Compare(SampleSummary previous, SampleSummary current, double significance = 0.05)
    {
        previous.Validate(nameof(previous));
        current.Validate(nameof(current));
        StudentTQuantile.CheckProbability(significance, nameof(significance));
        double? difference = previous.N > 0 && current.N > 0 ? current.Mean - previous.Mean : null;
        if (!previous.HasVariance || !current.HasVariance)
        {
            return NotTested(difference, ChangeVerdict.TooFewRespondents, TooFewRespondents);
        }
        var previousShare = previous.Variance / previous.N;
        var currentShare = current.Variance / current.N;
        var squaredError = previousShare + currentShare;
        if (squaredError <= 0)
        {
            return NotTested(difference, ChangeVerdict.NoVariance, NoVariance);
        }
        var change = difference!.Value;
        var standardError = Math.Sqrt(squaredError);
        var t = change / standardError;
        var df = squaredError * squaredError
            / ((previousShare * previousShare / (previous.N - 1)) + (currentShare * currentShare / (current.N - 1)));
        var p = StudentTQuantile.TwoSidedP(t, df);
        var margin = StudentTQuantile.TwoSided(1 - significance, df) * standardError;
        var verdict = p >= significance ? ChangeVerdict.NotSignificant : change > 0 ? ChangeVerdict.Rose : ChangeVerdict.Fell;
        return new ScoreChange(change, t, df, p, change - margin, change + margin, verdict, MessageOf(verdict, p));
    }

    private static ScoreChange NotTested(double? difference, ChangeVerdict verdict, LocalizedText message) =>
        new(difference, null, null, null, null, null, verdict, message);

    private static readonly LocalizedText TooFewRespondents = new(
        "ปีใดปีหนึ่งมีผู้ตอบน้อยกว่า 2 คน จึงทดสอบนัยสำคัญของการเปลี่ยนแปลงไม่ได้",
        "One of the years has fewer than 2 respondents, so the change cannot be tested.");

    private static readonly LocalizedText NoVariance = new(
        "ผู้ตอบทุกคนในทั้งสองปีให้คะแนนเท่ากันหมด (ไม่มีความแปรปรวน) จึงทดสอบนัยสำคัญของการเปลี่ยนแปลงไม่ได้",
        "Every respondent in both years gave the same score (no variance), so the change cannot be tested.");

    private static LocalizedText MessageOf(ChangeVerdict verdict, double p)
    {
        var shownP = p < 0.001 ? "p < 0.001" : "p = " + p.ToString("0.000", CultureInfo.InvariantCulture);
        return verdict switch
        {
            ChangeVerdict.Rose => new($"เพิ่มขึ้นอย่างมีนัยสำคัญทางสถิติ ({shownP})", $"Rose significantly ({shownP})."),
            ChangeVerdict.Fell => new($"ลดลงอย่างมีนัยสำคัญทางสถิติ ({shownP})", $"Fell significantly ({shownP})."),
            _ => new($"เปลี่ยนแปลงอย่างไม่มีนัยสำคัญทางสถิติ ({shownP})", $"No significant change ({shownP})."),
        };
    }
}
