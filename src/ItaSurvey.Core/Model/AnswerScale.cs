using System.Text.Json.Serialization;
using ItaSurvey.Core.Loading;

namespace ItaSurvey.Core.Model;

/// <summary>An answer scale; its levels run from least to most.</summary>
public sealed record AnswerScale(
    string Code,
    IReadOnlyList<ScaleLevel> Levels,
    LocalizedText? Name = null,
    string? Source = null,
    string? Note = null)
{
    /// <summary>
    /// The points of a level for a question of the given direction. A negative (reverse-scored)
    /// question takes the points of the mirrored level.
    /// </summary>
    public double PointsOf(int level, Direction direction) =>
        direction == Direction.Positive ? Levels[level].Points : Levels[Levels.Count - 1 - level].Points;
}

/// <summary>One level of a scale and the points it gives a positive question.</summary>
public sealed record ScaleLevel(
    LocalizedText Label,
    [property: JsonConverter(typeof(PointsConverter))] double Points,
    string? Note = null);

/// <summary>Whether agreeing more is better (positive) or worse (negative, reverse-scored).</summary>
public enum Direction
{
    /// <summary>More is better.</summary>
    Positive,

    /// <summary>More is worse: reverse-scored.</summary>
    Negative,
}
