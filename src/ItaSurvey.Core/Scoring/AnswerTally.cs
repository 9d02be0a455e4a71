namespace ItaSurvey.Core.Scoring;

/// <summary>
/// How many respondents chose each level of each answer field. Scores are computed from a tally
/// only, so scoring individual responses (tallied here) and scoring published tallies give
/// identical results.
/// </summary>
public sealed class AnswerTally
{
    /// <summary>The level value that marks an answer field left unanswered.</summary>
    public const byte NotAnswered = byte.MaxValue;

    private readonly long[] _counts;

    internal AnswerTally(CompiledQuestionnaire questionnaire)
    {
        Questionnaire = questionnaire;
        _counts = new long[questionnaire.FieldCount * questionnaire.LevelStride];
    }

    /// <summary>The questionnaire the tally belongs to.</summary>
    public CompiledQuestionnaire Questionnaire { get; }

    /// <summary>How many responses were added one by one (tallies added by count do not change it).</summary>
    public long Responses { get; private set; }

    /// <summary>How many respondents chose a level of a field.</summary>
    public long Count(int field, int level) => _counts[field * Questionnaire.LevelStride + level];

    /// <summary>
    /// Adds one response: one level per answer field in field order (0 = least), or
    /// <see cref="NotAnswered"/>. The response is checked whole before anything is counted.
    /// </summary>
    public void Add(ReadOnlySpan<byte> levels)
    {
        ResponseLevels.Check(Questionnaire, levels);
        var counts = _counts;
        var stride = Questionnaire.LevelStride;
        for (var f = 0; f < levels.Length; f++)
        {
            var level = levels[f];
            if (level != NotAnswered)
            {
                counts[f * stride + level]++;
            }
        }
        Responses++;
    }

    /// <summary>Adds many responses stored back to back, <see cref="CompiledQuestionnaire.FieldCount"/> bytes each.</summary>
    public void AddMany(ReadOnlySpan<byte> packedResponses)
    {
        foreach (var levels in ResponseLevels.Split(Questionnaire, packedResponses))
        {
            Add(levels);
        }
    }

    /// <summary>Adds <paramref name="count"/> respondents who chose <paramref name="level"/> for a field.</summary>
    public void Add(string fieldCode, int level, long count)
    {
        var field = Questionnaire.FieldIndex(fieldCode);
        if (field < 0)
        {
            throw new ArgumentException($"The questionnaire has no answer field '{fieldCode}'.", nameof(fieldCode));
        }
        if (level < 0 || level >= Questionnaire.LevelCounts[field])
        {
            throw new ArgumentOutOfRangeException(nameof(level), $"Answer field {fieldCode} has no level {level}.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _counts[field * Questionnaire.LevelStride + level] += count;
    }
}
