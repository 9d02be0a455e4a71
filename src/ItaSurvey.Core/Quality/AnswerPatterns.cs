using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Quality;

/// <summary>
/// The signals one response's answers carry on their own: straight-lining and self-contradiction.
/// Both look at where each answer sits on its scale (first level, last level), so they work for
/// questionnaires that mix 4-level and yes/no scales.
/// </summary>
public sealed class AnswerPatterns
{
    /// <summary>
    /// Fewer answer fields than this say too little: a short form answered at one level is not
    /// unusual. Both the IIT (51 fields) and the EIT (18) have more.
    /// </summary>
    public const int MinimumFieldsForStraightLining = 8;

    private readonly byte[] _levelCounts;
    private readonly int[][] _indicatorFields;

    /// <summary>Prepares the checks for a compiled questionnaire.</summary>
    public AnswerPatterns(CompiledQuestionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        _levelCounts = questionnaire.LevelCounts;
        var fields = questionnaire.Questionnaire.AnswerFields()
            .Select((field, index) => (field.Question.Indicator, field.Direction, Index: index)).ToList();
        // A question's reverse-scored counterparts are the fields of the same indicator scored the
        // other way round (the questionnaire JSON marks them "direction": "negative"): the same
        // matter asked from the other side. Only indicators with both directions take part.
        _indicatorFields = [.. fields.GroupBy(f => f.Indicator)
            .Where(g => g.Any(f => f.Direction == Direction.Positive) && g.Any(f => f.Direction == Direction.Negative))
            .Select(g => g.Select(f => f.Index).ToArray())];
    }

    /// <summary>The stored signals these answers carry (<see cref="ResponseSignal.StraightLined"/>, <see cref="ResponseSignal.Contradictory"/>).</summary>
    public ResponseSignal Of(ReadOnlySpan<byte> levels)
    {
        var signals = ResponseSignal.None;
        if (IsStraightLined(levels))
        {
            signals |= ResponseSignal.StraightLined;
        }
        if (IsContradictory(levels))
        {
            signals |= ResponseSignal.Contradictory;
        }
        return signals;
    }

    /// <summary>
    /// True when every answer field sits at the same position of its scale (all at the first
    /// level, all at the last, or all at the same level where the scales are alike), with at least
    /// <see cref="MinimumFieldsForStraightLining"/> fields answered and none left out.
    /// </summary>
    public bool IsStraightLined(ReadOnlySpan<byte> levels)
    {
        Check(levels);
        if (levels.Length < MinimumFieldsForStraightLining || levels[0] == AnswerTally.NotAnswered)
        {
            return false;
        }
        // Compare positions as fractions of the scale, exactly: level / (count − 1) by cross-multiplying.
        var (level, span) = (levels[0], _levelCounts[0] - 1);
        for (var f = 1; f < levels.Length; f++)
        {
            if (levels[f] == AnswerTally.NotAnswered || levels[f] * span != level * (_levelCounts[f] - 1))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// True when, in some indicator that asks both ways round, every field was answered at the
    /// same extreme: all at the last level ("มากที่สุด" to a good thing and "มี" to a bribe) or all
    /// at the first. Someone reading the questions cannot mean both; someone ticking one column does.
    /// </summary>
    public bool IsContradictory(ReadOnlySpan<byte> levels)
    {
        Check(levels);
        foreach (var fields in _indicatorFields)
        {
            if (AllAtExtreme(levels, fields, top: true) || AllAtExtreme(levels, fields, top: false))
            {
                return true;
            }
        }
        return false;
    }

    private bool AllAtExtreme(ReadOnlySpan<byte> levels, int[] fields, bool top)
    {
        foreach (var f in fields)
        {
            var wanted = top ? _levelCounts[f] - 1 : 0;
            if (levels[f] != wanted)
            {
                return false;
            }
        }
        return true;
    }

    private void Check(ReadOnlySpan<byte> levels)
    {
        if (levels.Length != _levelCounts.Length)
        {
            throw new ArgumentException($"A response has {_levelCounts.Length} answer fields, not {levels.Length}.", nameof(levels));
        }
    }
}
