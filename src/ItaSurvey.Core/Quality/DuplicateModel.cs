using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Quality;

/// <summary>
/// The chance model of <see cref="DuplicateAnswers"/>, built one response at a time: the field
/// frequencies per band of mean answer position. Once every response of the set is added,
/// <see cref="Test"/> says whether a vector given by so many of them is beyond chance. Lets a
/// streamed export judge the few repeated vectors without holding every response.
/// </summary>
public sealed class DuplicateModel
{
    private readonly CompiledQuestionnaire _questionnaire;
    private readonly int[] _bandSize = new int[DuplicateAnswers.Bands];
    private readonly int[][] _bandTally = new int[DuplicateAnswers.Bands][];
    private readonly int[][] _bandAnswered = new int[DuplicateAnswers.Bands][];

    /// <summary>An empty model for one questionnaire's answer layout.</summary>
    public DuplicateModel(CompiledQuestionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        _questionnaire = questionnaire;
        for (var b = 0; b < DuplicateAnswers.Bands; b++)
        {
            (_bandTally[b], _bandAnswered[b]) = (new int[questionnaire.FieldCount * questionnaire.LevelStride], new int[questionnaire.FieldCount]);
        }
    }

    /// <summary>Adds one response of the set.</summary>
    public void Add(byte[] levels)
    {
        ResponseLevels.Check(_questionnaire, levels);
        var b = DuplicateAnswers.BandOf(_questionnaire, levels);
        _bandSize[b]++;
        for (var f = 0; f < levels.Length; f++)
        {
            if (levels[f] != AnswerTally.NotAnswered)
            {
                _bandTally[b][(f * _questionnaire.LevelStride) + levels[f]]++;
                _bandAnswered[b][f]++;
            }
        }
    }

    /// <summary>
    /// The group when <paramref name="copies"/> responses giving <paramref name="levels"/> (all of them
    /// added) are beyond chance: at least <see cref="DuplicateAnswers.MinimumCopies"/> and
    /// P(X ≥ copies) under <see cref="PoissonTail.Threshold"/>; null otherwise.
    /// </summary>
    public DuplicateGroup? Test(byte[] levels, int copies)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (copies < DuplicateAnswers.MinimumCopies || DuplicateAnswers.IsScoreExtreme(_questionnaire, levels))
        {
            return null;
        }
        var b = DuplicateAnswers.BandOf(_questionnaire, levels);
        var logChance = 0.0;
        for (var f = 0; f < levels.Length; f++)
        {
            if (levels[f] == AnswerTally.NotAnswered)
            {
                continue;
            }
            // The copies themselves are left out, so a crowd cannot make itself look likely.
            var others = _bandTally[b][(f * _questionnaire.LevelStride) + levels[f]] - copies;
            var othersAnswered = _bandAnswered[b][f] - copies;
            logChance += Math.Log((others + 0.5) / (othersAnswered + (0.5 * _questionnaire.LevelCounts[f])));
        }
        var expected = _bandSize[b] * Math.Exp(logChance);
        var probability = PoissonTail.AtLeast(copies, expected);
        return probability < PoissonTail.Threshold ? new DuplicateGroup(copies, expected, probability) : null;
    }
}

/// <summary>Compares answer vectors by their bytes, for grouping identical answers.</summary>
public sealed class AnswerVectorComparer : IEqualityComparer<byte[]>
{
    /// <summary>The one instance.</summary>
    public static readonly AnswerVectorComparer Instance = new();

    /// <inheritdoc />
    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    /// <inheritdoc />
    public int GetHashCode(byte[] obj)
    {
        var hash = new HashCode();
        hash.AddBytes(obj);
        return hash.ToHashCode();
    }
}
