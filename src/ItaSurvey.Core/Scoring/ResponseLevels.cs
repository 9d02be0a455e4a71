namespace ItaSurvey.Core.Scoring;

/// <summary>
/// Responses as the scorers take them: one level byte per answer field in field order (0 = least),
/// or <see cref="AnswerTally.NotAnswered"/>, and many such responses stored back to back. What
/// counts as a well-formed response is decided here once, for every consumer of responses.
/// </summary>
public static class ResponseLevels
{
    /// <summary>Throws unless the response has one level per answer field, each a level of its field or <see cref="AnswerTally.NotAnswered"/>.</summary>
    public static void Check(CompiledQuestionnaire questionnaire, ReadOnlySpan<byte> levels)
    {
        var levelCounts = questionnaire.LevelCounts;
        if (levels.Length != levelCounts.Length)
        {
            throw new ArgumentException($"A response has {levelCounts.Length} answer fields, not {levels.Length}.", nameof(levels));
        }
        for (var f = 0; f < levels.Length; f++)
        {
            if (levels[f] >= levelCounts[f] && levels[f] != AnswerTally.NotAnswered)
            {
                throw new ArgumentOutOfRangeException(nameof(levels), $"Answer field {questionnaire.FieldCodes[f]} has no level {levels[f]}.");
            }
        }
    }

    /// <summary>
    /// The responses of a packed block, <see cref="CompiledQuestionnaire.FieldCount"/> bytes each, in order;
    /// throws at once when the block is not a whole number of responses.
    /// </summary>
    public static Packed Split(CompiledQuestionnaire questionnaire, ReadOnlySpan<byte> packedResponses)
    {
        var width = questionnaire.FieldCount;
        if (width == 0 || packedResponses.Length % width != 0)
        {
            throw new ArgumentException($"Packed responses must be a multiple of {width} bytes long.", nameof(packedResponses));
        }
        return new Packed(packedResponses, width);
    }

    /// <summary>Responses stored back to back, walked one at a time without copying.</summary>
    public ref struct Packed(ReadOnlySpan<byte> block, int width)
    {
        private readonly ReadOnlySpan<byte> _block = block;
        private int _offset = -width;

        /// <summary>Lets <c>foreach</c> walk the block.</summary>
        public readonly Packed GetEnumerator() => this;

        /// <summary>The response at the current position.</summary>
        public readonly ReadOnlySpan<byte> Current => _block.Slice(_offset, width);

        /// <summary>Moves to the next response; false past the last.</summary>
        public bool MoveNext()
        {
            _offset += width;
            return _offset < _block.Length;
        }
    }
}
