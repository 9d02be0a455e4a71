using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.ScoredResults;

namespace ItaSurvey.Web.Trends;

/// <summary>Where a year's figures come from.</summary>
public enum ResultSource
{
    /// <summary>The NACC's published result, imported (ผลทางการ).</summary>
    Official,

    /// <summary>Scored in this app from the round's responses and OIT evidence (เก็บในระบบ).</summary>
    Collected,
}

/// <summary>
/// An agency's figures for one fiscal year from one source. Instruments and indicators are keyed
/// by their stable codes ("IIT", "1".."10"); a null score is unknown or withheld.
/// </summary>
public sealed record YearFigures(
    ResultSource Source,
    int FiscalYear,
    double? Total,
    RatingLevel? Rating,
    IReadOnlyDictionary<string, double?> Instruments,
    IReadOnlyDictionary<string, double?> Indicators,
    IReadOnlySet<string> Withheld,
    int? RoundId = null)
{
    /// <summary>An instrument's score, or null when unknown or withheld.</summary>
    public double? Instrument(string code) => Instruments.GetValueOrDefault(code);

    /// <summary>An indicator's score, or null when unknown or withheld.</summary>
    public double? Indicator(string code) => Indicators.GetValueOrDefault(code);

    /// <summary>
    /// An official result: instruments from the indicators with the year's model when the app
    /// has it; the published total when given, else the computed one; the rating of that total.
    /// </summary>
    public static YearFigures Official(SurveyCatalog catalog, int fiscalYear, double? publishedTotal, IReadOnlyDictionary<string, double> indicators)
    {
        if (!catalog.Has(fiscalYear))
        {
            return new YearFigures(ResultSource.Official, fiscalYear, publishedTotal, null, new Dictionary<string, double?>(),
                indicators.ToDictionary(i => i.Key, i => (double?)i.Value), new HashSet<string>());
        }
        var model = catalog.Year(fiscalYear).Model;
        var known = indicators.Where(i => model.FindIndicator(i.Key) is not null).ToDictionary(i => i.Key, i => i.Value);
        var assessment = AssessmentScorer.FromIndicatorScores(model, known);
        var total = publishedTotal ?? assessment.Total;
        var instrumentScores = assessment.Instruments.Select(i => i.Score).ToList();
        var rating = total is { } t && instrumentScores.All(s => s is not null)
            ? model.Rating.Rate(t, instrumentScores.Select(s => s!.Value))
            : null;
        return new YearFigures(ResultSource.Official, fiscalYear, total, rating,
            assessment.Instruments.ToDictionary(i => i.Code, i => i.Score),
            indicators.ToDictionary(i => i.Key, i => (double?)i.Value),
            new HashSet<string>());
    }

    /// <summary>A round scored in the app; withheld instruments and their indicators stay null.</summary>
    public static YearFigures Collected(RoundResult result) => new(
        ResultSource.Collected,
        result.FiscalYear,
        result.Assessment.Total,
        result.Assessment.Rating,
        result.Assessment.Instruments.ToDictionary(i => i.Code, i => i.Score),
        result.Assessment.Indicators.ToDictionary(i => i.Code, i => i.Score),
        result.Withheld,
        result.RoundId);
}
