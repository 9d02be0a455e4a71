namespace ItaSurvey.Core.Model;

/// <summary>One instrument's questionnaire or checklist for one fiscal year.</summary>
public sealed record Questionnaire(
    string Instrument,
    int FiscalYear,
    LocalizedText Title,
    bool OfficialWording,
    IReadOnlyList<Question> Questions,
    string? Source = null,
    string? Note = null)
{
    /// <summary>Every answer field in order: a question's own field, or one per sub-item.</summary>
    public IEnumerable<(Question Question, string Code, Direction Direction)> AnswerFields() =>
        Questions.SelectMany(q => q.AnswerFields().Select(f => (q, f.Code, f.Direction)));
}

/// <summary>A question (or an OIT item). With sub-items it scores the mean of its sub-items.</summary>
/// <param name="Code">The question code, e.g. I13 or O10.</param>
/// <param name="Indicator">The indicator code of the model.</param>
/// <param name="Scale">The answer scale code of the model.</param>
/// <param name="Direction">How the answer is scored; sub-items may reverse it.</param>
/// <param name="Text">The wording.</param>
/// <param name="SubIndicator">The sub-indicator, when the indicator has them.</param>
/// <param name="Items">Sub-items, each one answer field.</param>
/// <param name="Source">Where the question comes from.</param>
/// <param name="Note">What is unconfirmed or assumed about it.</param>
/// <param name="Evidence">OIT items: what evidence the agency is expected to publish.</param>
/// <param name="Keywords">OIT items: words the evidence is expected to mention.</param>
public sealed record Question(
    string Code,
    string Indicator,
    string Scale,
    Direction Direction,
    LocalizedText Text,
    string? SubIndicator = null,
    IReadOnlyList<QuestionItem>? Items = null,
    string? Source = null,
    string? Note = null,
    LocalizedText? Evidence = null,
    IReadOnlyList<string>? Keywords = null)
{
    /// <summary>True when the question is answered through sub-items.</summary>
    public bool HasItems => Items is { Count: > 0 };

    /// <summary>The answer fields of this question with the direction each is scored in.</summary>
    public IEnumerable<(string Code, Direction Direction)> AnswerFields() =>
        HasItems ? Items!.Select(i => (i.Code, i.Direction ?? Direction)) : [(Code, Direction)];
}

/// <summary>A sub-item of a question, answered separately; may reverse the question's direction.</summary>
public sealed record QuestionItem(string Code, LocalizedText Text, Direction? Direction = null, string? Note = null);
