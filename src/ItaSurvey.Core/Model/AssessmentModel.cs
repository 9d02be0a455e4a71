namespace ItaSurvey.Core.Model;

/// <summary>
/// One fiscal year's assessment model (<c>surveys/&lt;year&gt;/model.json</c>): which instruments
/// exist and how they weigh, the indicators, the answer scales and the rating rules.
/// </summary>
public sealed record AssessmentModel(
    int FiscalYear,
    LocalizedText Name,
    IReadOnlyList<Instrument> Instruments,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<AnswerScale> Scales,
    IndicatorFlags Flags,
    RatingRules Rating,
    MinimumSampleRules MinimumSample,
    string? Source = null,
    string? Note = null)
{
    /// <summary>The instrument with this code, or null.</summary>
    public Instrument? FindInstrument(string code) => Instruments.FirstOrDefault(i => i.Code == code);

    /// <summary>The indicator with this code, or null.</summary>
    public Indicator? FindIndicator(string code) => Indicators.FirstOrDefault(i => i.Code == code);

    /// <summary>The answer scale with this code, or null.</summary>
    public AnswerScale? FindScale(string code) => Scales.FirstOrDefault(s => s.Code == code);

    /// <summary>The indicators of one instrument, in file order.</summary>
    public IEnumerable<Indicator> IndicatorsOf(string instrument) => Indicators.Where(i => i.Instrument == instrument);
}

/// <summary>An instrument (IIT, EIT, OIT) and its weight in the total.</summary>
public sealed record Instrument(
    string Code,
    LocalizedText Name,
    double Weight,
    LocalizedText? Respondents = null,
    string? Source = null,
    string? Note = null);

/// <summary>
/// An indicator. Its code is stable across fiscal years ("1".."10") so that trends line up
/// even when the questions change.
/// </summary>
public sealed record Indicator(
    string Code,
    string Instrument,
    LocalizedText Name,
    IReadOnlyList<SubIndicator>? SubIndicators = null,
    string? Source = null,
    string? Note = null)
{
    /// <summary>True when the indicator's score is the mean of sub-indicators rather than of questions.</summary>
    public bool HasSubIndicators => SubIndicators is { Count: > 0 };
}

/// <summary>A sub-indicator such as 9.1 ข้อมูลพื้นฐาน.</summary>
public sealed record SubIndicator(string Code, LocalizedText Name, string? Source = null, string? Note = null);

/// <summary>The thresholds that flag an indicator for the improvement report.</summary>
/// <param name="UrgentBelow">An indicator below this needs urgent work (ความจำเป็นเร่งด่วน).</param>
/// <param name="ImproveBelow">An indicator at or above <paramref name="UrgentBelow"/> but below this is a point to improve.</param>
/// <param name="Source">Where the thresholds come from.</param>
/// <param name="Note">What is assumed about them.</param>
public sealed record IndicatorFlags(double UrgentBelow, double ImproveBelow, string? Source = null, string? Note = null);
