using System.Globalization;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Responses;

/// <summary>Why a submitted form cannot be a response at all (as opposed to being incomplete).</summary>
public enum AnswerFormProblemKind
{
    /// <summary>A field names no answer field of the questionnaire.</summary>
    UnknownField,

    /// <summary>A field appears more than once.</summary>
    DuplicatedField,

    /// <summary>A value is not a level of the field's scale.</summary>
    OutOfRange,
}

/// <summary>One reason a submitted form was rejected.</summary>
public sealed record AnswerFormProblem(AnswerFormProblemKind Kind, string Field, string? Value);

/// <summary>
/// Reads the answer fields of a submitted form (field code → level index as text) against a
/// compiled questionnaire. A form whose fields were tampered with is rejected whole; a form
/// with unanswered questions is kept so that it can be shown again with every answer given.
/// </summary>
public sealed class AnswerForm
{
    private AnswerForm(byte[] levels, IReadOnlyList<string> unansweredQuestions, IReadOnlyList<AnswerFormProblem> problems)
    {
        Levels = levels;
        UnansweredQuestions = unansweredQuestions;
        Problems = problems;
    }

    /// <summary>One level per answer field in field order; <see cref="AnswerTally.NotAnswered"/> where none was given.</summary>
    public byte[] Levels { get; }

    /// <summary>The codes of questions with at least one answer field left unanswered, in questionnaire order.</summary>
    public IReadOnlyList<string> UnansweredQuestions { get; }

    /// <summary>Tampering: unknown, duplicated or out-of-range fields. Any of these rejects the form.</summary>
    public IReadOnlyList<AnswerFormProblem> Problems { get; }

    /// <summary>True when the form can be stored as a response.</summary>
    public bool IsComplete => Problems.Count == 0 && UnansweredQuestions.Count == 0;

    /// <summary>Reads the answer fields among <paramref name="fields"/>; other names are the caller's to filter out first.</summary>
    public static AnswerForm Read(CompiledQuestionnaire questionnaire, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> fields)
    {
        var levels = new byte[questionnaire.FieldCount];
        Array.Fill(levels, AnswerTally.NotAnswered);
        var problems = new List<AnswerFormProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (name, values) in fields)
        {
            var field = questionnaire.FieldIndex(name);
            if (field < 0)
            {
                problems.Add(new(AnswerFormProblemKind.UnknownField, name, null));
                continue;
            }
            if (values.Count != 1 || !seen.Add(name))
            {
                problems.Add(new(AnswerFormProblemKind.DuplicatedField, name, null));
                continue;
            }
            var value = values[0];
            if (!IsCanonicalLevel(value)
                || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var level)
                || level >= questionnaire.LevelCounts[field])
            {
                problems.Add(new(AnswerFormProblemKind.OutOfRange, name, value.Length > 20 ? value[..20] : value));
                continue;
            }
            levels[field] = (byte)level;
        }

        var unanswered = new List<string>();
        for (var f = 0; f < levels.Length; f++)
        {
            var question = questionnaire.Questionnaire.Questions[questionnaire.FieldQuestion[f]].Code;
            if (levels[f] == AnswerTally.NotAnswered && (unanswered.Count == 0 || unanswered[^1] != question))
            {
                unanswered.Add(question);
            }
        }
        return new AnswerForm(levels, unanswered, problems);
    }

    /// <summary>
    /// Only the form's own spelling of a level: one to three ASCII digits without a leading zero
    /// ("0", "3", "10"). "01", "+1", " 1" or "１" never come from the rendered form, so they are tampering.
    /// </summary>
    public static bool IsCanonicalLevel(string value) =>
        value.Length is >= 1 and <= 3
        && value.All(char.IsAsciiDigit)
        && (value.Length == 1 || value[0] != '0');
}
