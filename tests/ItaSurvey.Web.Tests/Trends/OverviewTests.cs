using System.Globalization;
using ItaSurvey.Core.Statistics;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Imports;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Trends;

/// <summary>The cross-agency view: scope, filters, sorting, paging and the distribution of totals.</summary>
public class OverviewTests : IAsyncLifetime
{
    private readonly TrendsWorld _world = new();
    private readonly List<(int Id, string Province, double Total)> _agencies = [];

    private static readonly string[] Provinces = ["ตราด", "จันทบุรี", "นครนายก"];

    /// <summary>
    /// 120 more agencies in three provinces with official 2565 and 2566 results; 2566 indicator
    /// scores all equal to 70 + i/4, so each total is exactly that (and instruments too).
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        await _world.InitializeAsync();
        await using var db = await _world.Databases.CreateDbContextAsync(TrendsWorld.Cancel);
        var agencies = Enumerable.Range(0, 120).Select(i => new Agency
        {
            NameTh = $"เทศบาลทดสอบ {i:000}", Province = Provinces[i % 3], AgencyGroup = i % 2 == 0 ? "sao-m" : "tambon-municipality-s", StaffHeadcount = 50,
        }).ToList();
        db.Agencies.AddRange(agencies);
        await db.SaveChangesAsync(TrendsWorld.Cancel);
        for (var i = 0; i < agencies.Count; i++)
        {
            var score = 70 + (i / 4.0);
            db.OfficialResults.Add(Result(agencies[i].Id, 2566, score));
            db.OfficialResults.Add(Result(agencies[i].Id, 2565, score - 1));
            _agencies.Add((agencies[i].Id, agencies[i].Province, score));
        }
        await db.SaveChangesAsync(TrendsWorld.Cancel);
    }

    private static OfficialResult Result(int agencyId, int year, double score) => new()
    {
        AgencyId = agencyId, FiscalYear = year,
        Indicators = [.. Enumerable.Range(1, 10).Select(c => new OfficialIndicatorScore { IndicatorCode = c.ToString(CultureInfo.InvariantCulture), Score = score })],
    };

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private async Task<OverviewResult> QueryAsync(OverviewQuery query, string role = Roles.SystemAdmin, params int[] agencies)
    {
        var user = await _world.PrincipalAsync(role, agencies);
        return await _world.WithAsync<AgencyOverview, OverviewResult>(o => o.QueryAsync(user, query, TrendsWorld.Cancel));
    }

    [Fact]
    public async Task By_default_it_shows_the_latest_year_with_data_fifty_rows_to_a_page()
    {
        var view = await QueryAsync(new OverviewQuery());

        Assert.Equal(2566, view.Query.Year);
        Assert.Equal([2566, 2565], view.Years);
        Assert.Equal(122, view.Visible);
        Assert.Equal(122, view.Matching);
        Assert.Equal(120, view.WithResult);
        Assert.Equal(3, view.Pages);
        Assert.Equal(50, view.Rows.Count);
        var row = view.Rows.First(r => r.Name == "เทศบาลทดสอบ 010");
        Assert.Equal(72.5, row.Total!.Value, 9);
        Assert.Equal(72.5, row.Iit!.Value, 9);
        Assert.Equal(1, row.Change!.Value, 9);
        Assert.Equal(ResultSource.Official, row.Source);
        Assert.Equal("failed", row.Rating!.Code);
    }

    [Fact]
    public async Task Filters_narrow_the_rows_and_the_counts()
    {
        var province = await QueryAsync(new OverviewQuery(Province: "ตราด"));
        var group = await QueryAsync(new OverviewQuery(Group: "sao-m", Name: "ทดสอบ"));
        var rating = await QueryAsync(new OverviewQuery(Rating: "passed-good"));
        var name = await QueryAsync(new OverviewQuery(Name: "ทดสอบ 10"));

        Assert.Equal(40, province.Matching);
        Assert.All(province.Rows, r => Assert.Equal("ตราด", r.Province));
        Assert.Equal(60, group.Matching);
        // Totals 85 … 94.75 with every instrument at the total rate ผ่านดี (85+ throughout; ผ่านดีเยี่ยม needs 95+ throughout).
        var good = _agencies.Count(a => a.Total >= 85 && a.Total < 95);
        Assert.Equal(good, rating.Matching);
        Assert.All(rating.Rows, r => Assert.Equal("passed-good", r.Rating!.Code));
        Assert.Equal(["เทศบาลทดสอบ 100", "เทศบาลทดสอบ 101", "เทศบาลทดสอบ 102", "เทศบาลทดสอบ 103", "เทศบาลทดสอบ 104", "เทศบาลทดสอบ 105", "เทศบาลทดสอบ 106", "เทศบาลทดสอบ 107", "เทศบาลทดสอบ 108", "เทศบาลทดสอบ 109"], name.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task Sorting_by_total_puts_agencies_without_a_result_last_and_pages_follow_the_order()
    {
        var highest = await QueryAsync(new OverviewQuery(Sort: "total", Descending: true));
        var second = await QueryAsync(new OverviewQuery(Sort: "total", Descending: true, Page: 2));
        var last = await QueryAsync(new OverviewQuery(Sort: "total", Descending: false, Page: 3));

        var expected = _agencies.OrderByDescending(a => a.Total).Select(a => a.Total).ToList();
        Assert.Equal(expected.Take(50), highest.Rows.Select(r => r.Total!.Value));
        Assert.Equal(expected.Skip(50).Take(50), second.Rows.Select(r => r.Total!.Value));
        Assert.Equal(22, last.Rows.Count);
        Assert.All(last.Rows.TakeLast(2), r => Assert.Null(r.Total)); // our two agencies have no result
        Assert.Equal(3, (await QueryAsync(new OverviewQuery(Page: 99))).Query.Page); // past the end: the last page
    }

    [Fact]
    public async Task The_distribution_counts_rating_bands_and_gives_quartiles_of_the_filtered_totals()
    {
        var view = await QueryAsync(new OverviewQuery(Province: "ตราด"));

        var totals = _agencies.Where(a => a.Province == "ตราด").Select(a => a.Total).ToList();
        var expected = ScoreDistribution.Of(totals);
        Assert.Equal(40, view.Distribution.N);
        Assert.Equal(expected.Median!.Value, view.Distribution.Median!.Value, 9);
        Assert.Equal(expected.LowerQuartile!.Value, view.Distribution.LowerQuartile!.Value, 9);
        Assert.Equal(expected.UpperQuartile!.Value, view.Distribution.UpperQuartile!.Value, 9);
        Assert.Equal(totals.Average(), view.Distribution.Mean!.Value, 9);
        Assert.Equal(totals.Count(t => t < 85), view.Ratings.Single(r => r.Code == "failed").Count);
        Assert.Equal(40, view.Ratings.Sum(r => r.Count));
        Assert.Equal(totals.Count(t => t is >= 75 and < 80), view.Distribution.Bins.Single(b => b.From == 75).Count);
    }

    [Theory]
    [InlineData(Roles.AgencyAdmin)]
    [InlineData(Roles.Viewer)]
    public async Task Agency_users_see_only_their_assigned_agencies(string role)
    {
        var view = await QueryAsync(new OverviewQuery(), role, _world.Ours.AgencyId, _agencies[5].Id);

        Assert.Equal(2, view.Visible);
        Assert.Equal(new[] { _agencies[5].Id, _world.Ours.AgencyId }.Order(), view.Rows.Select(r => r.AgencyId).Order());
        Assert.Equal(1, view.Distribution.N);
        Assert.Equal(new[] { _agencies[5].Province, "ประจวบคีรีขันธ์" }.Order(), view.Provinces.Order());
    }

    [Fact]
    public async Task Collected_rounds_come_from_their_snapshots_and_official_results_win_in_the_same_year()
    {
        await _world.AnswerAsync("IIT", 5, 3);
        await _world.AnswerAsync("EIT", 5, 3);
        _world.App.CloseRounds(); // an open round holds IIT figures back
        await _world.SetOitAsync(present: 43);
        var before = await QueryAsync(new OverviewQuery(Name: TrendsWorld.OurName));
        await _world.App.Services.GetRequiredService<SnapshotRefresher>().RefreshStaleAsync(TrendsWorld.Cancel);
        var collected = await QueryAsync(new OverviewQuery(Name: TrendsWorld.OurName));
        await _world.ImportAsync($"{TrendsWorld.OurName},ประจวบคีรีขันธ์,2566,{TrendsWorld.Indicators2565},87.97");
        var official = await QueryAsync(new OverviewQuery(Name: TrendsWorld.OurName));

        Assert.Null(Assert.Single(before.Rows).Total); // not scored until its snapshot exists
        var live = (await _world.App.Services.GetRequiredService<RoundResults>().ForRoundAsync(_world.Ours.Id, TrendsWorld.Cancel))!;
        var row = Assert.Single(collected.Rows);
        Assert.Equal(ResultSource.Collected, row.Source);
        Assert.Equal(live.Assessment.Total, row.Total);
        Assert.Equal(live.Assessment.Rating!.Code, row.Rating!.Code);
        Assert.Equal(ResultSource.Official, Assert.Single(official.Rows).Source);
        Assert.Equal(87.97, official.Rows[0].Total);
    }

    [Fact]
    public async Task The_page_keeps_filters_and_sort_in_links_and_shows_only_what_matches()
    {
        var browser = await _world.BrowserAsync(Roles.SystemAdmin);

        var html = await browser.GetStringAsync("/admin/overview?province=%E0%B8%95%E0%B8%A3%E0%B8%B2%E0%B8%94&sort=total&desc=true", TrendsWorld.Cancel);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        var rows = document.QuerySelectorAll("table.overview tbody tr");
        Assert.Equal(40, rows.Length);
        Assert.Equal("เทศบาลทดสอบ 117", rows[0].QuerySelector("th a")!.TextContent);
        Assert.Equal("descending", document.QuerySelector("th[aria-sort=descending]")!.GetAttribute("aria-sort"));
        Assert.Contains("province=%E0%B8%95%E0%B8%A3%E0%B8%B2%E0%B8%94", document.QuerySelector("th[aria-sort=descending] a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain("จันทบุรี</td>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/overview\"", html, StringComparison.Ordinal); // the menu link
    }

    [Theory]
    [InlineData("?year=abc")]
    [InlineData("?year=99999999999")]
    [InlineData("?year=-1")]
    [InlineData("?page=abc&desc=maybe")]
    public async Task Nonsense_in_the_address_shows_the_default_view_not_an_error(string query)
    {
        var browser = await _world.BrowserAsync(Roles.SystemAdmin);

        var response = await browser.GetAsync("/admin/overview" + query, TrendsWorld.Cancel);
        var html = await response.Content.ReadAsStringAsync(TrendsWorld.Cancel);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ภาพรวมหลายหน่วยงาน", html, StringComparison.Ordinal);
        Assert.DoesNotContain("-1", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("select[name=year]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rating_of_another_years_rules_filters_nothing()
    {
        var admin = await _world.PrincipalAsync(Roles.SystemAdmin);
        var all = await _world.WithAsync<AgencyOverview, OverviewResult>(o => o.QueryAsync(admin, new OverviewQuery(Year: 2565), TrendsWorld.Cancel));

        // ผ่านดี is a level of 2566's rules; 2565 rates AA–F.
        var asked = await _world.WithAsync<AgencyOverview, OverviewResult>(o => o.QueryAsync(admin, new OverviewQuery(Year: 2565, Rating: "passed-good"), TrendsWorld.Cancel));

        Assert.Null(asked.Query.Rating);
        Assert.Equal(all.Matching, asked.Matching);
    }
}
