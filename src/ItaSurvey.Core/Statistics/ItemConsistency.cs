namespace ItaSurvey.Core.Statistics;

/// <summary>
/// Streams respondents' item scores into what Cronbach's alpha needs: each item's variance, the
/// variance of the totals and each item's covariance with the total (for alpha if the item is
/// deleted). Memory is O(k) for k items, whatever the number of respondents; nothing is
/// allocated per respondent.
/// </summary>
public sealed class ItemConsistency
{
    // Every item is seen by the same respondents, so one count and flat arrays serve them all.
    private readonly double[] _means, _squaredDeviations, _coTotal;
    private RunningMoments _total;

    /// <summary>Starts an empty accumulator for items with these codes, in the order scores are given.</summary>
    public ItemConsistency(IReadOnlyList<string> itemCodes)
    {
        ArgumentNullException.ThrowIfNull(itemCodes);
        Items = [.. itemCodes];
        _means = new double[Items.Count];
        _squaredDeviations = new double[Items.Count];
        _coTotal = new double[Items.Count];
    }

    /// <summary>The item codes.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>How many respondents were added.</summary>
    public long Respondents => _total.Count;

    /// <summary>Adds one respondent who answered every item: one score per item, in item order.</summary>
    public void Add(ReadOnlySpan<double> itemScores)
    {
        if (itemScores.Length != _means.Length)
        {
            throw new ArgumentException($"Expected {_means.Length} item scores, not {itemScores.Length}.", nameof(itemScores));
        }
        double total = 0;
        foreach (var score in itemScores)
        {
            total += score;
        }
        _total.Add(total);
        var fromTotalMean = total - _total.Mean;
        var share = 1.0 / _total.Count;
        Span<double> means = _means, squaredDeviations = _squaredDeviations, coTotal = _coTotal;
        for (var i = 0; i < itemScores.Length; i++)
        {
            // Welford per item, and the online co-moment (x − mean before) · (total − mean after).
            var x = itemScores[i];
            var delta = x - means[i];
            coTotal[i] += delta * fromTotalMean;
            means[i] += delta * share;
            squaredDeviations[i] += delta * (x - means[i]);
        }
    }

    /// <summary>Cronbach's alpha of what was added so far.</summary>
    public CronbachAlpha Result()
    {
        var k = _means.Length;
        if (k < 2)
        {
            return CronbachAlpha.NotComputed(Items, Respondents, CronbachAlpha.TooFewItems);
        }
        if (Respondents < 2)
        {
            return CronbachAlpha.NotComputed(Items, Respondents, CronbachAlpha.TooFewRespondents);
        }
        // Sums of squared deviations stand in for variances: the n − 1 cancels in the ratio.
        var itemSum = _squaredDeviations.Sum();
        var totalSum = _total.SquaredDeviations;
        if (IsZero(totalSum, itemSum))
        {
            return CronbachAlpha.NotComputed(Items, Respondents, CronbachAlpha.NoSpread);
        }
        var ifDeleted = new double?[k];
        if (k > 2)
        {
            for (var j = 0; j < k; j++)
            {
                // Var(T − x) = Var(T) − 2 Cov(x, T) + Var(x).
                var restTotal = totalSum - (2 * _coTotal[j]) + _squaredDeviations[j];
                var restItems = itemSum - _squaredDeviations[j];
                ifDeleted[j] = IsZero(restTotal, totalSum + _squaredDeviations[j]) ? null : Alpha(k - 1, restItems, restTotal);
            }
        }
        return new CronbachAlpha(Items, Respondents, Alpha(k, itemSum, totalSum), ifDeleted, null);
    }

    private static double Alpha(int k, double itemSum, double totalSum) => k / (k - 1.0) * (1 - (itemSum / totalSum));

    // Totals that never vary leave a variance of 0, or of rounding noise when computed by difference.
    private static bool IsZero(double squaredDeviations, double scale) => squaredDeviations <= 1e-12 * scale;
}
