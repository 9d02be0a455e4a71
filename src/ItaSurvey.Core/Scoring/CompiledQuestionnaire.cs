using System.Security.Cryptography;
using System.Text;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Scoring;

/// <summary>
/// A questionnaire turned into flat arrays for fast scoring: every answer field has an index,
/// a level count and a points table that already accounts for its direction.
/// </summary>
public sealed class CompiledQuestionnaire
{
    private readonly Dictionary<string, int> _fieldIndex = new(StringComparer.Ordinal);

    /// <summary>Compiles a questionnaire against the model of its year.</summary>
    public CompiledQuestionnaire(AssessmentModel model, Questionnaire questionnaire)
    {
        Model = model;
        Questionnaire = questionnaire;
        var fields = questionnaire.AnswerFields().ToList();
        FieldCount = fields.Count;
        LevelStride = model.Scales.Max(s => s.Levels.Count);
        FieldCodes = new string[FieldCount];
        LevelCounts = new byte[FieldCount];
        Points = new double[FieldCount * LevelStride];
        FieldQuestion = new int[FieldCount];

        var questionIndex = questionnaire.Questions.Select((q, i) => (q, i)).ToDictionary(x => x.q, x => x.i);
        for (var f = 0; f < FieldCount; f++)
        {
            var (question, code, direction) = fields[f];
            var scale = model.FindScale(question.Scale)
                ?? throw new ArgumentException($"Question {question.Code} uses scale '{question.Scale}', which the model does not define.", nameof(questionnaire));
            FieldCodes[f] = code;
            FieldQuestion[f] = questionIndex[question];
            LevelCounts[f] = checked((byte)scale.Levels.Count);
            for (var level = 0; level < scale.Levels.Count; level++)
            {
                Points[f * LevelStride + level] = scale.PointsOf(level, direction);
            }
            _fieldIndex.Add(code, f);
        }
        Fingerprint = FingerprintOf(FieldCodes, LevelCounts);
    }

    /// <summary>
    /// Identifies the answer layout (field codes, order and level counts). Stored with each
    /// response so that answers saved under one layout are never read under another.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The year's model.</summary>
    public AssessmentModel Model { get; }

    /// <summary>The questionnaire compiled.</summary>
    public Questionnaire Questionnaire { get; }

    /// <summary>The instrument code.</summary>
    public string Instrument => Questionnaire.Instrument;

    /// <summary>How many answer fields one complete response has.</summary>
    public int FieldCount { get; }

    /// <summary>The room each field has for levels in <see cref="Points"/> and in tallies.</summary>
    public int LevelStride { get; }

    /// <summary>The code of each answer field, in order.</summary>
    public string[] FieldCodes { get; }

    /// <summary>How many levels each field's scale has.</summary>
    public byte[] LevelCounts { get; }

    /// <summary>Points of field f at level l, at <c>f * LevelStride + l</c>, direction applied.</summary>
    public double[] Points { get; }

    /// <summary>The index in the questionnaire of each field's question.</summary>
    public int[] FieldQuestion { get; }

    /// <summary>The index of an answer field code, or -1 when the questionnaire has no such field.</summary>
    public int FieldIndex(string code) => _fieldIndex.TryGetValue(code, out var f) ? f : -1;

    private static string FingerprintOf(string[] codes, byte[] levels)
    {
        var layout = string.Join(";", codes.Select((c, i) => $"{c}:{levels[i]}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(layout)))[..16];
    }

    /// <summary>An empty tally for this questionnaire.</summary>
    public AnswerTally NewTally() => new(this);
}
