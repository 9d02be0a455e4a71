using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Versions;

/// <summary>One difference between two versions of a fiscal year's definitions.</summary>
/// <param name="Area">The part of the definitions it is in.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Code">
/// The code of the thing that changed: an instrument ("IIT"), indicator ("9"), sub-indicator ("9.1"),
/// scale ("A4"), scale level ("A4#2", 1-based), rating level ("passed-good"), agency group, question
/// or sub-item ("I13", "I1.2") or OIT item ("O10"); the fiscal year for the model itself.
/// </param>
/// <param name="Description">One line in Thai and English that says what changed.</param>
public sealed record YearChange(ChangeArea Area, ChangeKind Kind, string Code, LocalizedText Description)
{
    /// <summary>The instrument the change belongs to, for questionnaires, questions and OIT items.</summary>
    public string? Instrument { get; init; }

    /// <summary>The field that changed, as named in the JSON definitions (e.g. "weight", "minTotal", "text").</summary>
    public string? Field { get; init; }

    /// <summary>The old text or value, where one changed (both languages for wording).</summary>
    public LocalizedText? Before { get; init; }

    /// <summary>The new text or value, where one changed (both languages for wording).</summary>
    public LocalizedText? After { get; init; }

    /// <summary>True for a change of a note or a source only, which does not change what is asked or scored.</summary>
    public bool IsAnnotation => Kind is ChangeKind.NoteChanged or ChangeKind.SourceChanged;

    /// <inheritdoc />
    public override string ToString() => Description.Th;
}

/// <summary>The part of a fiscal year's definitions a change is in; changes are listed in this order.</summary>
public enum ChangeArea
{
    /// <summary>The model as a whole: fiscal year, name, source and note.</summary>
    Model,

    /// <summary>Instruments and their weights.</summary>
    Instruments,

    /// <summary>Indicators and sub-indicators.</summary>
    Indicators,

    /// <summary>Answer scales and their levels.</summary>
    Scales,

    /// <summary>Rating rules and levels.</summary>
    Rating,

    /// <summary>The thresholds that flag an indicator.</summary>
    Flags,

    /// <summary>The minimum-sample rules.</summary>
    MinimumSample,

    /// <summary>A questionnaire as a whole: present or not, title, official wording.</summary>
    Questionnaires,

    /// <summary>The questions and sub-items of the perception instruments (IIT, EIT).</summary>
    Questions,

    /// <summary>The items of the disclosure checklist (OIT).</summary>
    OitItems,
}

/// <summary>What happened to a thing between two versions.</summary>
public enum ChangeKind
{
    /// <summary>The thing exists in the new version only.</summary>
    Added,

    /// <summary>The thing exists in the old version only.</summary>
    Removed,

    /// <summary>The name of an instrument, indicator, scale, rating level, group or questionnaire changed.</summary>
    Renamed,

    /// <summary>The wording of a question, sub-item or instrument's respondents changed.</summary>
    Reworded,

    /// <summary>The title of an OIT item changed.</summary>
    Retitled,

    /// <summary>A question or OIT item belongs to another indicator or sub-indicator.</summary>
    Moved,

    /// <summary>An indicator belongs to another instrument.</summary>
    InstrumentChanged,

    /// <summary>An instrument's weight changed.</summary>
    WeightChanged,

    /// <summary>A question uses another answer scale.</summary>
    ScaleChanged,

    /// <summary>A question or sub-item is scored in the other direction.</summary>
    DirectionChanged,

    /// <summary>The points of a scale level changed.</summary>
    PointsChanged,

    /// <summary>The label of a scale level changed.</summary>
    LabelChanged,

    /// <summary>A threshold changed: a rating level's minimum, a flag, a minimum sample.</summary>
    ThresholdChanged,

    /// <summary>Whether a rating level counts as passing changed.</summary>
    PassedChanged,

    /// <summary>A thing kept in both versions sits elsewhere in the order.</summary>
    Reordered,

    /// <summary>The evidence an OIT item expects changed.</summary>
    EvidenceChanged,

    /// <summary>The keywords an OIT item's evidence should mention changed.</summary>
    KeywordsChanged,

    /// <summary>Another value changed: the fiscal year, rating decimals, official wording.</summary>
    ValueChanged,

    /// <summary>A note changed.</summary>
    NoteChanged,

    /// <summary>A source changed.</summary>
    SourceChanged,
}
