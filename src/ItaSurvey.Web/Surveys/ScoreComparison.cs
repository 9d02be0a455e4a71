using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.ScoredResults;

namespace ItaSurvey.Web.Surveys;

/// <summary>One line of a before/after comparison: a score under each set of definitions and the difference.</summary>
/// <param name="Kind">"total", "rating", "instrument" or "indicator".</param>
/// <param name="Code">The instrument or indicator code ("total", "rating" for those lines).</param>
/// <param name="NameTh">What the line is, in Thai.</param>
/// <param name="Before">The score under the first definitions.</param>
/// <param name="After">The score under the second definitions.</param>
/// <param name="TextBefore">The rating under the first definitions (rating line only).</param>
/// <param name="TextAfter">The rating under the second definitions (rating line only).</param>
/// <param name="Withheld">True when RoundResults withholds the figure (too few responses): no number is shown.</param>
public sealed record ScoreLine(string Kind, string Code, string NameTh, double? Before, double? After, string? TextBefore, string? TextAfter, bool Withheld)
{
    /// <summary>After minus before, when both are known.</summary>
    public double? Difference => Before is { } b && After is { } a ? a - b : null;

    /// <summary>The difference as shown: two decimals with a sign, "—" when unknown.</summary>
    public string DifferenceText => Difference is not { } d ? "—"
        : ScoreRounding.Display(d) == "0.00" || ScoreRounding.Display(d) == "-0.00" ? "0.00"
        : (d > 0 ? "+" : "") + ScoreRounding.Display(d);

    public bool Changed => Kind == "rating" ? TextBefore != TextAfter : Difference is { } d && Math.Abs(d) >= 0.005;
}

/// <summary>
/// A round's scores under two sets of definitions, line by line: total, rating, each instrument
/// and each indicator. Only what both results show is compared: an instrument either result
/// withholds (fewer than k responses) is marked withheld and carries no figures.
/// </summary>
public sealed record ScoreComparison(RoundResult Before, RoundResult After, IReadOnlyList<ScoreLine> Lines)
{
    public static ScoreComparison Of(RoundResult before, RoundResult after)
    {
        var lines = new List<ScoreLine>
        {
            new("total", "total", "คะแนนรวม", before.Assessment.Total, after.Assessment.Total, null, null, false),
            new("rating", "rating", "ระดับผลการประเมิน", null, null, RatingOf(before.Assessment), RatingOf(after.Assessment), false),
        };
        var model = after.Definitions.Model;
        foreach (var instrument in after.Assessment.Instruments)
        {
            var withheld = before.IsWithheld(instrument.Code) || after.IsWithheld(instrument.Code);
            var old = before.Assessment.Instruments.FirstOrDefault(i => i.Code == instrument.Code);
            lines.Add(new("instrument", instrument.Code, model.FindInstrument(instrument.Code)?.Name.Th ?? instrument.Code,
                withheld ? null : old?.Score, withheld ? null : instrument.Score, null, null, withheld));
        }
        foreach (var indicator in after.Assessment.Indicators)
        {
            var withheld = before.IsWithheld(indicator.Instrument) || after.IsWithheld(indicator.Instrument);
            var old = before.Assessment.Indicators.FirstOrDefault(i => i.Code == indicator.Code);
            lines.Add(new("indicator", indicator.Code, model.FindIndicator(indicator.Code)?.Name.Th ?? indicator.Code,
                withheld ? null : old?.Score, withheld ? null : indicator.Score, null, null, withheld));
        }
        return new ScoreComparison(before, after, lines);
    }

    public ScoreLine Total => Lines[0];

    public ScoreLine Rating => Lines[1];

    public IEnumerable<ScoreLine> Instruments => Lines.Where(l => l.Kind == "instrument");

    public IEnumerable<ScoreLine> Indicators => Lines.Where(l => l.Kind == "indicator");

    private static string RatingOf(AssessmentResult assessment) => assessment.Rating?.Name.Th ?? "ยังประเมินไม่ได้";
}
