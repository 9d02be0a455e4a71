using System.Collections.Concurrent;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Imports;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Trends;

/// <summary>
/// An agency's headline scores of one fiscal year in the cross-agency view, with its collected
/// round's EIT responses looked at by the quality signals and how many of them are flagged (null for
/// an official result, which has no responses here).
/// </summary>
public sealed record YearScores(double? Total, RatingLevel? Rating, double? Iit, double? Eit, double? Oit, ResultSource Source,
    long? EitChecked = null, long? EitFlagged = null);

/// <summary>
/// Every agency's headline scores per fiscal year, kept between page views while the year's data
/// is unchanged. A cheap stamp (counts and sums of the year's official results and indicator
/// scores, count and latest computation of its snapshots, and the shared overview version) is
/// read on every view; any import, re-import or snapshot refresh changes it and the year is
/// rebuilt, on whichever instance the change was made: the stamp is read from the shared
/// database, never kept per instance. Unscoped: callers pick the agencies the user may see.
/// </summary>
public sealed class OverviewYearCache
{
    private sealed record Stamp(int Results, double Totals, int Indicators, double Scores, int Snapshots, DateTime? Computed, long Responses, long Newest, long Oit, long Version);

    private readonly ConcurrentDictionary<int, (Stamp Stamp, IReadOnlyDictionary<int, YearScores> Scores)> _years = new();

    public async Task<IReadOnlyDictionary<int, YearScores>> GetAsync(ItaDbContext db, int year,
        Func<ItaDbContext, int, CancellationToken, Task<IReadOnlyDictionary<int, YearScores>>> build, CancellationToken cancellationToken)
    {
        var stamp = await StampAsync(db, year, cancellationToken);
        if (_years.TryGetValue(year, out var cached) && cached.Stamp == stamp)
        {
            return cached.Scores;
        }
        var scores = await build(db, year, cancellationToken);
        _years[year] = (stamp, scores);
        return scores;
    }

    private async Task<Stamp> StampAsync(ItaDbContext db, int year, CancellationToken cancellationToken)
    {
        var results = await db.OfficialResults.Where(r => r.FiscalYear == year)
            .GroupBy(r => 1).Select(g => new { Count = g.Count(), Totals = g.Sum(r => r.Total ?? -1) })
            .SingleOrDefaultAsync(cancellationToken);
        var indicators = await db.Set<OfficialIndicatorScore>()
            .Join(db.OfficialResults.Where(r => r.FiscalYear == year), i => i.OfficialResultId, r => r.Id, (i, r) => i.Score)
            .GroupBy(s => 1).Select(g => new { Count = g.Count(), Sum = g.Sum() })
            .SingleOrDefaultAsync(cancellationToken);
        var snapshots = await db.RoundScoreSnapshots.Where(s => s.FiscalYear == year)
            .GroupBy(s => 1).Select(g => new
            {
                Count = g.Count(), Latest = g.Max(s => (DateTime?)s.ComputedAt),
                Responses = g.Sum(s => s.ResponseCount), Newest = g.Sum(s => s.LastResponseId), Oit = g.Sum(s => s.OitMark),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var version = await db.DataVersions.Where(v => v.Name == DataVersion.Overview).Select(v => v.Version).SingleOrDefaultAsync(cancellationToken);
        return new Stamp(results?.Count ?? 0, results?.Totals ?? 0, indicators?.Count ?? 0, indicators?.Sum ?? 0,
            snapshots?.Count ?? 0, snapshots?.Latest, snapshots?.Responses ?? 0, snapshots?.Newest ?? 0, snapshots?.Oit ?? 0, version);
    }

    /// <summary>
    /// Makes every instance forget every year: an import may change scores in place, which the
    /// sums of the stamp need not show (two values swapped). Raises the shared overview version
    /// in the caller's transaction, so the other instances see it with the import's commit.
    /// </summary>
    public async Task InvalidateAsync(ItaDbContext db, CancellationToken cancellationToken)
    {
        await db.DataVersions.Where(v => v.Name == DataVersion.Overview)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
        _years.Clear();
    }
}
