using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Core.Tests.Statistics;

public class ItemConsistencyTests
{
    [Fact]
    public void Alpha_of_a_three_item_example_matches_the_hand_computation()
    {
        // Items A, B, C for 5 respondents. Item variances 0.7, 0.8, 0.7 (Σ 2.2); totals
        // 10, 9, 13, 8, 12 have variance 4.3; alpha = 3/2 · (1 − 2.2/4.3) = 63/86.
        var alpha = AlphaOf([[3, 4, 3], [2, 3, 4], [4, 4, 5], [3, 2, 3], [4, 4, 4]]);

        Assert.Equal(63.0 / 86, alpha.Alpha!.Value, 12);
        Assert.Equal(5, alpha.Respondents);
        Assert.Null(alpha.Reason);
    }

    [Fact]
    public void Alpha_of_a_four_respondent_example_matches_the_hand_computation()
    {
        // Item variances 5/3, 2.75/3, 5/3; totals 13, 10, 15, 7 have variance 12.25;
        // alpha = 3/2 · (1 − 4.25/12.25) = 48/49.
        var alpha = AlphaOf([[4, 5, 4], [3, 4, 3], [5, 5, 5], [2, 3, 2]]);

        Assert.Equal(48.0 / 49, alpha.Alpha!.Value, 12);
    }

    [Fact]
    public void Identical_items_have_alpha_1()
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, 200).Select(_ => Enumerable.Repeat(random.Next(4) * 100 / 3.0, 4).ToArray()).ToArray();

        Assert.Equal(1, AlphaOf(rows).Alpha!.Value, 12);
    }

    [Fact]
    public void Alpha_if_an_item_is_deleted_equals_alpha_of_the_other_items()
    {
        var rows = Correlated(new Random(8), 300, 5);

        var all = AlphaOf(rows);

        for (var j = 0; j < 5; j++)
        {
            var rest = AlphaOf([.. rows.Select(r => r.Where((_, i) => i != j).ToArray())]);
            Assert.Equal(rest.Alpha!.Value, all.AlphaIfItemDeleted[j]!.Value, 9);
        }
    }

    [Fact]
    public void Streaming_alpha_agrees_with_the_covariance_matrix_formula()
    {
        var rows = Correlated(new Random(13), 5000, 7);
        var k = 7;
        var covariance = new double[k, k];
        var means = Enumerable.Range(0, k).Select(i => rows.Average(r => r[i])).ToArray();
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                covariance[i, j] = rows.Sum(r => (r[i] - means[i]) * (r[j] - means[j])) / (rows.Length - 1);
            }
        }
        var itemVariances = Enumerable.Range(0, k).Sum(i => covariance[i, i]);
        var totalVariance = covariance.Cast<double>().Sum();
        var batch = k / (k - 1.0) * (1 - (itemVariances / totalVariance));

        Assert.Equal(batch, AlphaOf(rows).Alpha!.Value, 9);
    }

    [Fact]
    public void Alpha_is_not_computed_without_two_items_two_respondents_and_some_spread()
    {
        Assert.Equal(CronbachAlpha.TooFewItems, AlphaOf([[1], [2], [3]]).Reason);
        Assert.Equal(CronbachAlpha.TooFewRespondents, AlphaOf([[1, 2]]).Reason);
        var flat = AlphaOf([[50, 50], [50, 50], [50, 50]]);
        Assert.Equal(CronbachAlpha.NoSpread, flat.Reason);
        Assert.Null(flat.Alpha);
    }

    internal static CronbachAlpha AlphaOf(double[][] rows)
    {
        var consistency = new ItemConsistency([.. Enumerable.Range(1, rows[0].Length).Select(i => $"Q{i}")]);
        foreach (var row in rows)
        {
            consistency.Add(row);
        }
        return consistency.Result();
    }

    // Respondents with a common leaning plus item noise, on the 0–100 score range.
    private static double[][] Correlated(Random random, int respondents, int items) =>
        [.. Enumerable.Range(0, respondents).Select(_ =>
        {
            var leaning = random.NextDouble();
            return Enumerable.Range(0, items).Select(_ => Math.Round(((0.6 * leaning) + (0.4 * random.NextDouble())) * 3) * 100 / 3).ToArray();
        })];
}
