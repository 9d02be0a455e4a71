namespace ItaSurvey.Core.Improvement;

/// <summary>
/// A first draft of the improvement report (แนวทางการพัฒนา / มาตรการส่งเสริมคุณธรรมและความโปร่งใส)
/// an agency writes after a round, in the shape agencies use: section 1 the urgent weaknesses,
/// section 2 the points to improve, each indicator with the questions or OIT items behind it;
/// and what would raise the total most.
/// </summary>
/// <param name="FiscalYear">The round's fiscal year (Buddhist Era).</param>
/// <param name="Total">The ITA total at full precision, or null while an instrument has no score.</param>
/// <param name="Rating">The rating's name (ผ่าน, A...), or null without a total.</param>
/// <param name="Urgent">Section 1: indicators below the year's urgent threshold, lowest first.</param>
/// <param name="ToImprove">Section 2: indicators at or above the urgent threshold but below the improve threshold, lowest first.</param>
/// <param name="Gains">Every missing OIT item and weak question with what it adds if fixed, largest gain first.</param>
/// <param name="Withheld">Instruments left out because too few people answered to keep them anonymous.</param>
public sealed record ImprovementDraft(
    int FiscalYear,
    double? Total,
    string? Rating,
    IReadOnlyList<FlaggedIndicator> Urgent,
    IReadOnlyList<FlaggedIndicator> ToImprove,
    IReadOnlyList<ScoreGain> Gains,
    IReadOnlyList<WithheldInstrument> Withheld)
{
    /// <summary>Both sections, section 1 first.</summary>
    public IEnumerable<FlaggedIndicator> Indicators => Urgent.Concat(ToImprove);
}

/// <summary>Which section of the report a row belongs to.</summary>
public enum ImprovementSection
{
    /// <summary>ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน.</summary>
    Urgent = 1,

    /// <summary>ประเด็นที่ต้องพัฒนาให้ดีขึ้น.</summary>
    ToImprove = 2,
}

/// <summary>What a weakness row points at.</summary>
public enum WeaknessSource
{
    /// <summary>An IIT or EIT question.</summary>
    Question,

    /// <summary>An OIT checklist item not disclosed.</summary>
    OitItem,

    /// <summary>The indicator as a whole (no question-level detail is available).</summary>
    Indicator,
}

/// <summary>An indicator in one of the report's two sections.</summary>
/// <param name="Section">Urgent or to improve.</param>
/// <param name="Code">The indicator's stable code ("9").</param>
/// <param name="Instrument">Its instrument ("OIT").</param>
/// <param name="Name">Its Thai name (การเปิดเผยข้อมูล).</param>
/// <param name="Score">Its score at full precision.</param>
/// <param name="Summary">The section's sentence about it, in Thai, as agencies write it.</param>
/// <param name="Weaknesses">The rows under it: weakest questions, or every missing OIT item.</param>
public sealed record FlaggedIndicator(
    ImprovementSection Section,
    string Code,
    string Instrument,
    string Name,
    double Score,
    string Summary,
    IReadOnlyList<Weakness> Weaknesses);

/// <summary>One row of the report: a weak question, a missing OIT item or a whole indicator.</summary>
/// <param name="Source">What the row points at.</param>
/// <param name="Code">The question or item code ("I13", "O4"), or the indicator code for a whole indicator.</param>
/// <param name="IndicatorCode">The indicator it belongs to.</param>
/// <param name="SubIndicator">The sub-indicator code and name ("9.1 ข้อมูลพื้นฐาน") for OIT items, else null.</param>
/// <param name="Score">Its score at full precision; null for an OIT item not yet recorded.</param>
/// <param name="Text">The weakness in Thai, from the question or item text and its score.</param>
public sealed record Weakness(
    WeaknessSource Source,
    string Code,
    string IndicatorCode,
    string? SubIndicator,
    double? Score,
    string Text);

/// <summary>What fixing one thing would add: an OIT item disclosed, or a question scoring 100.</summary>
/// <param name="Source">A question or an OIT item.</param>
/// <param name="Code">The question or item code.</param>
/// <param name="IndicatorCode">The indicator it belongs to.</param>
/// <param name="Text">The question or item text in Thai.</param>
/// <param name="Score">Its score now (null: an OIT item not recorded).</param>
/// <param name="IndicatorGain">Points the indicator gains.</param>
/// <param name="TotalGain">Points the ITA total gains, or null while the total cannot be computed.</param>
public sealed record ScoreGain(
    WeaknessSource Source,
    string Code,
    string IndicatorCode,
    string Text,
    double? Score,
    double IndicatorGain,
    double? TotalGain);

/// <summary>An instrument left out of the question-level rows, and the sentence that says why.</summary>
public sealed record WithheldInstrument(string Code, string Name, string Message);
