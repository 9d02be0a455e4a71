namespace ItaSurvey.Core.Statistics;

/// <summary>
/// Count, mean and sum of squared deviations of a stream of values, updated one value at a
/// time with Welford's method: plain sums of squares lose most of their digits when the
/// values are large and close together (scores near 90 with a spread of 1), Welford's do not.
/// A mutable struct so that arrays of them cost no allocation per value.
/// </summary>
internal struct RunningMoments
{
    private long _count;
    private double _mean;
    private double _squaredDeviations;

    public readonly long Count => _count;

    public readonly double Mean => _mean;

    /// <summary>Σ (x − mean)², the numerator of the sample variance.</summary>
    public readonly double SquaredDeviations => _squaredDeviations;

    public void Add(double value)
    {
        _count++;
        var delta = value - _mean;
        _mean += delta / _count;
        _squaredDeviations += delta * (value - _mean);
    }

    /// <summary>Adds every value another accumulator saw (Chan et al.'s pairwise update).</summary>
    public void Merge(in RunningMoments other)
    {
        if (other._count == 0)
        {
            return;
        }
        var count = _count + other._count;
        var delta = other._mean - _mean;
        _mean += delta * other._count / count;
        _squaredDeviations += other._squaredDeviations + (delta * delta * _count * other._count / count);
        _count = count;
    }

    public readonly SampleSummary Summary() =>
        new(_count, _mean, _count > 1 ? Math.Max(0, _squaredDeviations / (_count - 1)) : 0);
}
