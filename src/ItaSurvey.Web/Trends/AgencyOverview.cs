using System.Globalization;
using System.Security.Claims;
using ItaSurvey.Core.Model;
using ItaSurvey.Core.Quality;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Imports;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Trends;

/// <summary>One agency's line in the cross-agency view; scores are null when the year has none (or they are withheld).</summary>
public sealed record OverviewRow(
    int AgencyId,
    string Name,
    string Province,
    string GroupCode,
    string GroupName,
    double? Total,
    RatingLevel? Rating,
    double? Iit,
    double? Eit,
    double? Oit,
    double? Change,
    ResultSource? Source,
    FlaggedShare EitFlagged);

/// <summary>How many agencies of the filtered set reached a rating level of the year's rules.</summary>
public sealed record RatingCount(string Code, string Name, int Count);

/// <summary>A page of the cross-agency view with its counts and the distribution of totals.</summary>
/// <param name="Query">The query as applied (normalised, with the year chosen).</param>
/// <param name="Years">Fiscal years with any data for the user's agencies, newest first.</param>
/// <param name="Rows">This page's rows.</param>
/// <param name="Visible">Agencies the user may see.</param>
/// <param name="Matching">Agencies left after the filters.</param>
/// <param name="WithResult">Of those, how many have a total this year.</param>
/// <param name="Pages">Pages of <see cref="OverviewQuery.PageSize"/> rows (at least 1).</param>
/// <param name="Distribution">The totals of the matching agencies.</param>
/// <param name="Ratings">Matching agencies per rating level, best first; empty when the app has no rules for the year.</param>
/// <param name="Provinces">Provinces of the visible agencies, for the filter.</param>
/// <param name="Groups">Agency groups of the visible agencies (code, Thai name), for the filter.</param>
/// <param name="RatingLevels">The year's rating levels, for the filter.</param>
/// <param name="MinimumResponses">The privacy rule's k, which the flagged shares obey.</param>
public sealed record OverviewResult(
    OverviewQuery Query,
    IReadOnlyList<int> Years,
    IReadOnlyList<OverviewRow> Rows,
    int Visible,
    int Matching,
    int WithResult,
    int Pages,
    ScoreDistribution Distribution,
    IReadOnlyList<RatingCount> Ratings,
    IReadOnlyList<string> Provinces,
    IReadOnlyList<(string Code, string Name)> Groups,
    IReadOnlyList<RatingLevel> RatingLevels,
    int MinimumResponses);

/// <summary>
/// The cross-agency view for people who oversee many agencies: every agency the user may see, one
/// fiscal year, official results where imported (the headline) or else the round's stored score
/// snapshot. Reads a few compact rows per agency and filters, sorts and pages in memory, which
/// stays well under a second for the country's 8,300 agencies.
/// </summary>
public sealed class AgencyOverview(IDbContextFactory<ItaDbContext> databases, SurveyLibrary surveys, AgencyAccess access, OverviewYearCache cache,
    Microsoft.Extensions.Options.IOptions<DashboardOptions> options)
{
    private static readonly StringComparer Thai = StringComparer.Create(CultureInfo.GetCultureInfo("th-TH"), ignoreCase: true);

    private static readonly CompareInfo ThaiOrder = CultureInfo.GetCultureInfo("th-TH").CompareInfo;

    /// <summary>
    /// Builds the cached scores of the latest year with data and the year before (what the
    /// default view shows), so the first visitor after a start does not wait for them.
    /// </summary>
    public async Task WarmAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if ((await YearsAsync(db, null, cancellationToken)).FirstOrDefault() is var year and > 0)
        {
            await cache.GetAsync(db, year, ScoresAsync, cancellationToken);
            await cache.GetAsync(db, year - 1, ScoresAsync, cancellationToken);
        }
    }

    public async Task<OverviewResult> QueryAsync(ClaimsPrincipal user, OverviewQuery query, CancellationToken cancellationToken = default)
    {
        query = query.Normalized();
        var visible = await access.VisibleAgenciesAsync(user, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var agencies = (await db.Agencies.AsNoTracking()
                .Select(a => new { a.Id, a.NameTh, a.NameEn, a.Province, a.AgencyGroup }).ToListAsync(cancellationToken))
            .Where(a => visible is null || visible.Contains(a.Id)).ToList();

        var years = await YearsAsync(db, visible, cancellationToken);
        var year = query.Year is { } asked && asked is >= 2400 and <= 2800 ? asked : (years.Count > 0 ? years[0] : surveys.Current.Years.Max(y => y.FiscalYear));
        // A rating of another year's rules (ผ่านดี asked of 2565, which rates AA–F) filters nothing rather than everything.
        var yearLevels = surveys.Current.Has(year) ? surveys.Current.Year(year).Model.Rating.Levels : [];
        query = query with { Year = year, Rating = yearLevels.Any(l => l.Code == query.Rating) ? query.Rating : null };
        // Only years with data are built and cached: ?year=1234 must not grow the cache.
        var empty = new Dictionary<int, YearScores>();
        var current = years.Contains(year) ? await cache.GetAsync(db, year, ScoresAsync, cancellationToken) : empty;
        var previous = years.Contains(year - 1) ? await cache.GetAsync(db, year - 1, ScoresAsync, cancellationToken) : empty;

        var groupNames = agencies.Select(a => a.AgencyGroup).Distinct().ToDictionary(g => g, g => AgencyDirectory.GroupName(surveys.Current, g));
        var rows = agencies.Select(a =>
        {
            var now = current.GetValueOrDefault(a.Id);
            var before = previous.GetValueOrDefault(a.Id);
            return new OverviewRow(a.Id, a.NameTh, a.Province, a.AgencyGroup, groupNames[a.AgencyGroup],
                now?.Total, now?.Rating, now?.Iit, now?.Eit, now?.Oit, ScoreRounding.Change(now?.Total, before?.Total), now?.Source,
                now is null ? FlaggedShare.Unknown : FlaggedShare.Of(now.EitChecked, now.EitFlagged, options.Value.MinimumResponses));
        }).ToList();

        var levels = surveys.Current.Has(year) ? surveys.Current.Year(year).Model.Rating.Levels : [];
        var matching = Filter(rows, query, agencies.Where(a => a.NameEn is not null).ToDictionary(a => a.Id, a => a.NameEn!)).ToList();
        var sorted = Sort(matching, query.Sort, query.Descending, levels).ToList();
        var pages = Math.Max(1, (sorted.Count + query.PageSize - 1) / query.PageSize);
        query = query with { Page = Math.Min(query.Page, pages) };
        var totals = matching.Where(r => r.Total is not null).Select(r => Math.Clamp(r.Total!.Value, 0, 100)).ToList();

        return new OverviewResult(
            query,
            years,
            sorted.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList(),
            rows.Count,
            matching.Count,
            totals.Count,
            pages,
            // Binned as published: an 84.996 shows as 85.00 and belongs with the 85s.
            ScoreDistribution.Of(totals.Select(t => (double)ScoreRounding.Round(t))),
            levels.Select(l => new RatingCount(l.Code, l.Name.Th, matching.Count(r => r.Rating?.Code == l.Code))).ToList(),
            agencies.Select(a => a.Province).Distinct().Order(Thai).ToList(),
            groupNames.Select(g => (g.Key, g.Value)).OrderBy(g => g.Value, Thai).ToList(),
            levels,
            options.Value.MinimumResponses);
    }

    private static IEnumerable<OverviewRow> Filter(IEnumerable<OverviewRow> rows, OverviewQuery query, Dictionary<int, string> englishNames)
    {
        if (query.Province is { } province)
        {
            rows = rows.Where(r => r.Province == province);
        }
        if (query.Group is { } group)
        {
            rows = rows.Where(r => r.GroupCode == group);
        }
        if (query.Rating is { } rating)
        {
            rows = rows.Where(r => r.Rating?.Code == rating);
        }
        if (query.FlaggedAtLeast is { } percent)
        {
            // Only shown shares can pass: a share withheld by the k rule is never compared with anything.
            rows = rows.Where(r => r.EitFlagged.State == FlaggedShareState.Shown && r.EitFlagged.Share * 100 >= percent);
        }
        if (query.Name is { } name)
        {
            rows = rows.Where(r => r.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
                || (englishNames.TryGetValue(r.AgencyId, out var en) && en.Contains(name, StringComparison.OrdinalIgnoreCase)));
        }
        return rows;
    }

    /// <summary>Sorts by a column; rows without a value go last either way; ties fall back to province and name.</summary>
    private static IEnumerable<OverviewRow> Sort(List<OverviewRow> rows, string key, bool descending, IReadOnlyList<RatingLevel> levels)
    {
        IOrderedEnumerable<OverviewRow> ByNumber(Func<OverviewRow, double?> value) =>
            rows.OrderBy(r => value(r) is null).ThenBy(r => descending ? -value(r) : value(r));
        // Thai collation through sort keys: one ICU call per row instead of one per comparison.
        var names = rows.ToDictionary(r => r.AgencyId, r => ThaiOrder.GetSortKey(r.Name, CompareOptions.IgnoreCase));
        var keys = new Dictionary<string, SortKey>();
        SortKey KeyOf(string text) => keys.TryGetValue(text, out var k) ? k : keys[text] = ThaiOrder.GetSortKey(text, CompareOptions.IgnoreCase);
        var byKey = Comparer<SortKey>.Create(SortKey.Compare);
        IOrderedEnumerable<OverviewRow> ByText(Func<OverviewRow, SortKey> value) =>
            descending ? rows.OrderByDescending(value, byKey) : rows.OrderBy(value, byKey);
        var ordered = key switch
        {
            "province" => ByText(r => KeyOf(r.Province)),
            "group" => ByText(r => KeyOf(r.GroupName)),
            "total" => ByNumber(r => r.Total),
            // Best level first (levels are listed best first), then by total within a level.
            "rating" => ByNumber(r => r.Rating is { } l ? -IndexOf(levels, l.Code) : null).ThenByDescending(r => r.Total),
            "iit" => ByNumber(r => r.Iit),
            "eit" => ByNumber(r => r.Eit),
            "oit" => ByNumber(r => r.Oit),
            "change" => ByNumber(r => r.Change),
            "source" => ByNumber(r => r.Source is { } s ? (double)s : null),
            "flagged" => ByNumber(r => r.EitFlagged.SortValue),
            _ => ByText(r => names[r.AgencyId]),
        };
        return ordered.ThenBy(r => KeyOf(r.Province), byKey).ThenBy(r => names[r.AgencyId], byKey).ThenBy(r => r.AgencyId);
    }

    private static double IndexOf(IReadOnlyList<RatingLevel> levels, string code)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i].Code == code)
            {
                return i;
            }
        }
        return levels.Count;
    }

    /// <summary>Fiscal years with an official result or a snapshot with a total, among the user's agencies, newest first.</summary>
    private static async Task<List<int>> YearsAsync(ItaDbContext db, IReadOnlySet<int>? visible, CancellationToken cancellationToken)
    {
        var official = db.OfficialResults.AsNoTracking();
        var collected = db.RoundScoreSnapshots.AsNoTracking().Where(s => s.Total != null || s.Iit != null || s.Eit != null || s.Oit != null);
        if (visible is not null)
        {
            var ids = visible.ToList();
            official = official.Where(r => ids.Contains(r.AgencyId));
            collected = collected.Where(s => ids.Contains(s.AgencyId));
        }
        var years = await official.Select(r => r.FiscalYear).Distinct().ToListAsync(cancellationToken);
        years.AddRange(await collected.Select(s => s.FiscalYear).Distinct().ToListAsync(cancellationToken));
        return years.Distinct().OrderDescending().ToList();
    }

    /// <summary>
    /// Each agency's headline scores of a year: the official result where imported, else the
    /// snapshot of its round. Official instruments come from the indicators with the year's model.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, YearScores>> ScoresAsync(ItaDbContext db, int year, CancellationToken cancellationToken)
    {
        var scores = new Dictionary<int, YearScores>();
        var snapshots = await db.RoundScoreSnapshots.AsNoTracking().Where(s => s.FiscalYear == year)
            .Select(s => new { s.RoundId, s.AgencyId, s.Total, s.RatingCode, s.Iit, s.Eit, s.Oit, s.MinimumResponses, s.EitChecked, s.EitFlagged })
            .ToListAsync(cancellationToken);
        var levels = surveys.Current.Has(year) ? surveys.Current.Year(year).Model.Rating.Levels : [];
        foreach (var s in snapshots.OrderBy(s => s.RoundId))
        {
            // A snapshot made under another k may hold figures the current rule withholds: until
            // it is refreshed, only the OIT (a checklist, no respondents) is shown.
            var fresh = s.MinimumResponses == options.Value.MinimumResponses;
            scores[s.AgencyId] = fresh
                ? new YearScores(s.Total, levels.FirstOrDefault(l => l.Code == s.RatingCode), s.Iit, s.Eit, s.Oit, ResultSource.Collected, s.EitChecked, s.EitFlagged)
                : new YearScores(null, null, null, null, s.Oit, ResultSource.Collected);
        }

        var official = await db.OfficialResults.AsNoTracking().Where(r => r.FiscalYear == year)
            .Select(r => new { r.Id, r.AgencyId, r.Total }).ToListAsync(cancellationToken);
        var indicatorRows = await db.Set<OfficialIndicatorScore>().AsNoTracking()
            .Join(db.OfficialResults.Where(r => r.FiscalYear == year),
                i => i.OfficialResultId, r => r.Id, (i, r) => new { i.OfficialResultId, i.IndicatorCode, i.Score })
            .ToListAsync(cancellationToken);
        var indicators = indicatorRows.GroupBy(i => i.OfficialResultId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, double>)g.ToDictionary(i => i.IndicatorCode, i => i.Score));
        foreach (var r in official)
        {
            var figures = indicators.TryGetValue(r.Id, out var byCode)
                ? YearFigures.Official(surveys.Current, year, r.Total, byCode)
                : null;
            scores[r.AgencyId] = new YearScores(figures?.Total ?? r.Total, figures?.Rating, figures?.Instrument("IIT"), figures?.Instrument("EIT"),
                figures?.Instrument("OIT"), ResultSource.Official);
        }
        return scores;
    }
}
