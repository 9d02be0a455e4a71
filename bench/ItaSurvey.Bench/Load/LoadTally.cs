using System.Net;

namespace ItaSurvey.Bench.Load;

/// <summary>What one worker saw; a worker's own, so it needs no locks, and merged per level.</summary>
internal sealed class LoadTally
{
    private readonly List<double> _fullMs = [];
    private readonly List<double> _postMs = [];
    private readonly SortedDictionary<string, int> _unexpected = new(StringComparer.Ordinal);

    /// <summary>Submissions the server answered 302 to: each one should be a stored row.</summary>
    public int Acknowledged { get; private set; }

    /// <summary>Wall time of the level, set when its workers are done.</summary>
    public TimeSpan Elapsed { get; set; }

    public int DoublesSent { get; private set; }

    public int DoublesRefused { get; private set; }

    /// <summary>Complete GET + POST round trips that stored a response.</summary>
    public int Completed => _fullMs.Count;

    public IReadOnlyDictionary<string, int> UnexpectedByKind => _unexpected;

    public int UnexpectedCount => _unexpected.Values.Sum();

    public void Stored(TimeSpan full, TimeSpan post)
    {
        Acknowledged++;
        _fullMs.Add(full.TotalMilliseconds);
        _postMs.Add(post.TotalMilliseconds);
    }

    public void DoubleSubmitted(HttpStatusCode second)
    {
        DoublesSent++;
        if (second == HttpStatusCode.Conflict)
        {
            DoublesRefused++;
            return;
        }
        if (second == HttpStatusCode.Found)
        {
            Acknowledged++; // a second row for one key: the count check will show it too
        }
        Unexpected($"double POST {(int)second}");
    }

    public void Unexpected(string what) => _unexpected[what] = _unexpected.GetValueOrDefault(what) + 1;

    public double FullPercentile(double p) => Percentile(_fullMs, p);

    public double PostPercentile(double p) => Percentile(_postMs, p);

    public static LoadTally Merge(IEnumerable<LoadTally> tallies)
    {
        var all = new LoadTally();
        foreach (var t in tallies)
        {
            all._fullMs.AddRange(t._fullMs);
            all._postMs.AddRange(t._postMs);
            all.Acknowledged += t.Acknowledged;
            all.DoublesSent += t.DoublesSent;
            all.DoublesRefused += t.DoublesRefused;
            foreach (var (what, count) in t._unexpected)
            {
                all._unexpected[what] = all._unexpected.GetValueOrDefault(what) + count;
            }
        }
        all._fullMs.Sort();
        all._postMs.Sort();
        return all;
    }

    // Nearest rank on a list sorted by Merge.
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
