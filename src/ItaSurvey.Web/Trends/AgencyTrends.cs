using System.Security.Claims;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Trends;

/// <summary>
/// One fiscal year of an agency: the official result and the collected one, either may be missing.
/// The official figure is the headline; the collected one stays visible beside it.
/// </summary>
public sealed record TrendYear(int FiscalYear, YearFigures? Official, YearFigures? Collected)
{
    /// <summary>The figures shown first: official when there is one.</summary>
    public YearFigures Headline => Official ?? Collected!;
}

/// <summary>An indicator's stable code and its Thai name from the newest model that has it.</summary>
public sealed record IndicatorName(string Code, string Instrument, string Name);

/// <summary>An agency's results year by year, and each score as a series with its trend.</summary>
public sealed record AgencyTrend(
    int AgencyId,
    string AgencyName,
    string Province,
    string GroupName,
    IReadOnlyList<TrendYear> Years,
    IReadOnlyList<TrendSeries> Series,
    IReadOnlyList<IndicatorName> Indicators,
    int MinimumResponses)
{
    /// <summary>The series of a key: "total", "IIT", "EIT", "OIT" or "indicator:1".."indicator:10".</summary>
    public TrendSeries SeriesOf(string key) => Series.First(s => s.Key == key);
}

/// <summary>
/// Year-over-year results of one agency from its collected rounds (scored live) and its imported
/// official results, lined up by the stable indicator codes even where questions changed.
/// </summary>
public sealed class AgencyTrends(IDbContextFactory<ItaDbContext> databases, RoundResults results, SurveyLibrary surveys, AgencyAccess access)
{
    /// <summary>The instruments in the order the ITA lists them.</summary>
    public static readonly string[] InstrumentCodes = ["IIT", "EIT", "OIT"];

    /// <summary>The agency's trends, or null when there is no such agency or the user may not see it.</summary>
    public async Task<AgencyTrend?> ForAgencyAsync(ClaimsPrincipal user, int agencyId, CancellationToken cancellationToken = default)
    {
        if (await access.VisibleAgencyAsync(user, agencyId, cancellationToken) is not { } agency)
        {
            return null;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var official = await db.OfficialResults.AsNoTracking().Include(r => r.Indicators)
            .Where(r => r.AgencyId == agencyId).ToListAsync(cancellationToken);
        // One round per agency and year today; should that change, the latest round of a year counts.
        var roundIds = (await db.Rounds.AsNoTracking().Where(r => r.AgencyId == agencyId)
                .Select(r => new { r.Id, r.FiscalYear }).ToListAsync(cancellationToken))
            .GroupBy(r => r.FiscalYear).Select(g => g.Max(r => r.Id)).ToList();

        var collected = new Dictionary<int, YearFigures>();
        foreach (var roundId in roundIds)
        {
            if (await results.ForRoundAsync(roundId, cancellationToken) is { } result && HasAnyScore(result))
            {
                collected[result.FiscalYear] = YearFigures.Collected(result);
            }
        }
        var officialByYear = official.ToDictionary(r => r.FiscalYear,
            r => YearFigures.Official(surveys.Current, r.FiscalYear, r.Total, r.Indicators.ToDictionary(i => i.IndicatorCode, i => i.Score)));

        var years = officialByYear.Keys.Union(collected.Keys).Order()
            .Select(y => new TrendYear(y, officialByYear.GetValueOrDefault(y), collected.GetValueOrDefault(y)))
            .ToList();
        var indicators = IndicatorNames(surveys.Current);
        return new AgencyTrend(agency.Id, agency.NameTh, agency.Province, AgencyDirectory.GroupName(surveys.Current, agency.AgencyGroup),
            years, SeriesOf(years, indicators), indicators, results.MinimumResponses);
    }

    /// <summary>Total, instruments and every indicator as series of the headline figures.</summary>
    public static IReadOnlyList<TrendSeries> SeriesOf(IReadOnlyList<TrendYear> years, IReadOnlyList<IndicatorName> indicators)
    {
        TrendSeries Build(string key, string label, Func<YearFigures, double?> score) =>
            TrendSeries.Of(key, label, years.Select(y => (y.FiscalYear, score(y.Headline), y.Headline.Source)));
        var series = new List<TrendSeries> { Build("total", "คะแนนรวม", f => f.Total) };
        series.AddRange(InstrumentCodes.Select(code => Build(code, code, f => f.Instrument(code))));
        series.AddRange(indicators.Select(i => Build("indicator:" + i.Code, $"{i.Code}. {i.Name}", f => f.Indicator(i.Code))));
        return series;
    }

    /// <summary>Indicator codes in model order, named from the newest year that defines each.</summary>
    public static IReadOnlyList<IndicatorName> IndicatorNames(SurveyCatalog catalog) =>
        catalog.Years.OrderByDescending(y => y.FiscalYear)
            .SelectMany(y => y.Model.Indicators)
            .DistinctBy(i => i.Code)
            .OrderBy(i => int.TryParse(i.Code, out var n) ? n : int.MaxValue).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new IndicatorName(i.Code, i.Instrument, i.Name.Th))
            .ToList();

    // A round nobody has answered yet and with no OIT answer is not a year of data.
    private static bool HasAnyScore(RoundResult result) =>
        result.Assessment.Indicators.Any(i => i.Score is not null) || result.Withheld.Count > 0;
}
