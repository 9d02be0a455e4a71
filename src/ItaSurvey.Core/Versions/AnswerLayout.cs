using System.Security.Cryptography;
using System.Text;
using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Versions;

/// <summary>
/// How one instrument's answers are stored: for IIT and EIT the answer fields in order with the
/// number of levels of each (the layout <see cref="CompiledQuestionnaire.Fingerprint"/> identifies);
/// for OIT the item codes, since evidence is stored per item code.
/// </summary>
/// <param name="Instrument">The instrument code.</param>
/// <param name="ByItemCode">True for the OIT checklist, whose answers are matched by item code, not by position.</param>
/// <param name="Fields">The answer fields in questionnaire order; a field whose scale is undefined has 0 levels.</param>
/// <param name="UndefinedScales">The questions that use a scale the model does not define, with that scale.</param>
/// <param name="Fingerprint">
/// For IIT and EIT the compiled questionnaire's fingerprint; for OIT a fingerprint of the sorted item
/// codes; null when a scale is undefined and the questionnaire cannot be compiled.
/// </param>
public sealed record AnswerLayout(
    string Instrument,
    bool ByItemCode,
    IReadOnlyList<AnswerSlot> Fields,
    IReadOnlyList<(string Question, string Scale)> UndefinedScales,
    string? Fingerprint)
{
    /// <summary>The instrument whose answers are stored per item code.</summary>
    public const string Checklist = QuestionDiff.Checklist;

    /// <summary>The layout of one questionnaire under its year's model.</summary>
    public static AnswerLayout Of(AssessmentModel model, Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(questionnaire);
        var undefined = questionnaire.Questions.Where(q => model.FindScale(q.Scale) is null).Select(q => (Question: q.Code, q.Scale)).ToList();
        if (questionnaire.Instrument == Checklist)
        {
            var items = questionnaire.Questions.Select(q => new AnswerSlot(q.Code, LevelsOf(model, q.Scale))).ToList();
            var codes = string.Join(";", items.Select(i => i.Code).Order(StringComparer.Ordinal));
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(codes)))[..16];
            return new AnswerLayout(questionnaire.Instrument, true, items, undefined, hash);
        }
        if (undefined.Count > 0 || model.Scales.Count == 0)
        {
            var fields = questionnaire.AnswerFields().Select(f => new AnswerSlot(f.Code, LevelsOf(model, f.Question.Scale))).ToList();
            return new AnswerLayout(questionnaire.Instrument, false, fields, undefined, null);
        }
        var compiled = new CompiledQuestionnaire(model, questionnaire);
        var slots = compiled.FieldCodes.Select((code, f) => new AnswerSlot(code, compiled.LevelCounts[f])).ToList();
        return new AnswerLayout(questionnaire.Instrument, false, slots, undefined, compiled.Fingerprint);
    }

    /// <summary>The layouts of every questionnaire of a year, by instrument code.</summary>
    public static IReadOnlyDictionary<string, AnswerLayout> Of(SurveyYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return year.Questionnaires.ToDictionary(q => q.Key, q => Of(year.Model, q.Value), StringComparer.Ordinal);
    }

    private static int LevelsOf(AssessmentModel model, string scale) => model.FindScale(scale)?.Levels.Count ?? 0;
}

/// <summary>One answer field of a layout.</summary>
/// <param name="Code">The field code: a question's code or a sub-item's (e.g. I13, I1.2, O10).</param>
/// <param name="Levels">How many answer levels the field's scale has.</param>
public readonly record struct AnswerSlot(string Code, int Levels);
