using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Scoring;

/// <summary>An answer field's score: the mean points over the respondents who answered it.</summary>
public sealed record FieldScore(string Code, long Respondents, double? Score);

/// <summary>A question's score: the mean of its answer fields' scores.</summary>
public sealed record QuestionScore(string Code, string Indicator, string? SubIndicator, double? Score, IReadOnlyList<FieldScore> Fields);

/// <summary>A sub-indicator's score: the mean of its questions.</summary>
public sealed record SubIndicatorScore(string Code, double? Score);

/// <summary>An indicator's score and where it stands against the year's thresholds.</summary>
public sealed record IndicatorScore(string Code, string Instrument, double? Score, IndicatorStatus Status, IReadOnlyList<SubIndicatorScore> SubIndicators);

/// <summary>Where an indicator stands for the improvement report.</summary>
public enum IndicatorStatus
{
    /// <summary>No answers yet.</summary>
    NoData,

    /// <summary>Below the urgent threshold (85 by default): ความจำเป็นเร่งด่วน.</summary>
    Urgent,

    /// <summary>Above the urgent threshold but below the improve threshold: ต้องพัฒนาให้ดีขึ้น.</summary>
    ToImprove,

    /// <summary>At or above both thresholds.</summary>
    Good,
}

/// <summary>An instrument's score and what it adds to the total.</summary>
public sealed record InstrumentScore(string Code, double Weight, double? Score)
{
    /// <summary>The instrument's contribution to the total (weight × score).</summary>
    public double? Weighted => Score * Weight;
}

/// <summary>The scores of one questionnaire from a tally.</summary>
public sealed record QuestionnaireResult(
    string Instrument,
    long Responses,
    IReadOnlyList<QuestionScore> Questions,
    IReadOnlyList<IndicatorScore> Indicators,
    double? Score);

/// <summary>A whole assessment: indicators, instruments, the total and the rating.</summary>
public sealed record AssessmentResult(
    int FiscalYear,
    IReadOnlyList<IndicatorScore> Indicators,
    IReadOnlyList<InstrumentScore> Instruments,
    double? Total,
    RatingLevel? Rating,
    IReadOnlyDictionary<string, QuestionnaireResult> Questionnaires)
{
    /// <summary>The score of an indicator code.</summary>
    public IndicatorScore Indicator(string code) => Indicators.First(i => i.Code == code);

    /// <summary>The score of an instrument code.</summary>
    public InstrumentScore Instrument(string code) => Instruments.First(i => i.Code == code);
}
