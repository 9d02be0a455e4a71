using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Trends;

/// <summary>An agency's results year by year, from imported official results and from its own rounds.</summary>
public class AgencyTrendsTests : IAsyncLifetime
{
    private readonly TrendsWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static string Line(int year, string indicators, string total = "") => $"{TrendsWorld.OurName},ประจวบคีรีขันธ์,{year},{indicators},{total}";

    private async Task<AgencyTrend> TrendAsync()
    {
        var admin = await _world.PrincipalAsync(Roles.SystemAdmin);
        return (await _world.WithAsync<AgencyTrends, AgencyTrend?>(t => t.ForAgencyAsync(admin, _world.Ours.AgencyId, TrendsWorld.Cancel)))!;
    }

    [Fact]
    public async Task Official_results_alone_give_published_totals_instruments_from_indicators_and_a_labelled_projection()
    {
        await _world.ImportAsync(Line(2564, TrendsWorld.Indicators2564, "81.45"), Line(2565, TrendsWorld.Indicators2565));

        var trend = await TrendAsync();

        Assert.Equal([2564, 2565], trend.Years.Select(y => y.FiscalYear));
        Assert.All(trend.Years, y => Assert.Equal(ResultSource.Official, y.Headline.Source));
        var y2564 = trend.Years[0].Headline;
        Assert.Equal(81.45, y2564.Total);
        Assert.Equal("B", y2564.Rating!.Code);
        Assert.Equal((93.55 + 87.72 + 91.01 + 87.93 + 89.52) / 5, y2564.Instrument("IIT")!.Value, 9);
        Assert.Equal((72.89 + 65.56) / 2, y2564.Instrument("OIT")!.Value, 9);
        // 2565 has no published total: 0.3 · 92.966 + 0.3 · 95.7433… + 0.4 · 76.995 = 87.41.
        var y2565 = trend.Years[1].Headline;
        Assert.Equal("87.41", Core.Scoring.ScoreRounding.Display(y2565.Total));
        Assert.Equal("A", y2565.Rating!.Code);

        var total = trend.SeriesOf("total");
        Assert.Equal(87.41 - 81.45, total.Points[1].Change!.Value, 9); // the difference of the published (rounded) totals
        Assert.Equal(2564, total.Points[1].ComparedWith);
        Assert.Null(total.Points[0].Change);
        var projection = total.Projection!;
        Assert.Equal(2566, projection.FiscalYear);
        Assert.True(projection.IsProjection);
        Assert.Equal(Math.Min(100, y2565.Total!.Value + (y2565.Total.Value - 81.45)), projection.Value, 9);
        Assert.Equal("ประมาณการ", TrendSeries.ProjectionLabel);
    }

    [Fact]
    public async Task A_collected_round_alone_gives_its_live_scores_and_no_projection()
    {
        await _world.AnswerAsync("IIT", 5, 3);
        await _world.AnswerAsync("EIT", 5, 2);
        await _world.SetOitAsync(present: 40);

        var trend = await TrendAsync();
        var live = (await _world.App.Services.GetRequiredService<RoundResults>().ForRoundAsync(_world.Ours.Id, TrendsWorld.Cancel))!;

        var year = Assert.Single(trend.Years);
        Assert.Null(year.Official);
        Assert.Equal(ResultSource.Collected, year.Headline.Source);
        Assert.Equal(_world.Ours.Id, year.Headline.RoundId);
        Assert.Equal(live.Assessment.Total, year.Headline.Total);
        Assert.Equal(live.Assessment.Indicator("3").Score, year.Headline.Indicator("3"));
        Assert.All(trend.Series, s => Assert.Null(s.Projection));
    }

    [Fact]
    public async Task In_a_year_with_both_the_official_result_is_the_headline_and_the_collected_one_is_kept()
    {
        await _world.AnswerAsync("IIT", 5, 3);
        await _world.AnswerAsync("EIT", 5, 3);
        await _world.SetOitAsync(present: 43);
        await _world.ImportAsync(Line(2566, TrendsWorld.Indicators2565, "87.97"));

        var trend = await TrendAsync();

        var year = Assert.Single(trend.Years);
        Assert.Equal(ResultSource.Official, year.Headline.Source);
        Assert.Equal(87.97, year.Headline.Total);
        var live = (await _world.App.Services.GetRequiredService<RoundResults>().ForRoundAsync(_world.Ours.Id, TrendsWorld.Cancel))!;
        Assert.NotNull(year.Collected);
        Assert.Equal(live.Assessment.Total, year.Collected.Total);
        Assert.NotEqual(87.97, year.Collected.Total);
        Assert.Equal(ResultSource.Official, trend.SeriesOf("total").Points.Single().Source);

        var html = await (await _world.BrowserAsync(Roles.Viewer)).GetStringAsync($"/admin/agencies/{_world.Ours.AgencyId}/trends", TrendsWorld.Cancel);
        Assert.Contains("87.97", html, StringComparison.Ordinal);
        Assert.Contains(Core.Scoring.ScoreRounding.Display(live.Assessment.Total), html, StringComparison.Ordinal);
        Assert.Contains("class=\"also-row\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicators_line_up_by_code_across_years_with_different_questions()
    {
        await _world.ImportAsync(Line(2564, TrendsWorld.Indicators2564), Line(2565, TrendsWorld.Indicators2565));
        await _world.AnswerAsync("IIT", 6, 0);
        _world.App.CloseRounds(); // an open round holds IIT figures back

        var trend = await TrendAsync();
        var power = trend.SeriesOf("indicator:3");
        var live = (await _world.App.Services.GetRequiredService<RoundResults>().ForRoundAsync(_world.Ours.Id, TrendsWorld.Cancel))!;

        Assert.Equal([2564, 2565, 2566], power.Points.Select(p => p.FiscalYear));
        Assert.Equal([91.01, 87.17, live.Assessment.Indicator("3").Score!.Value], power.Points.Select(p => p.Score));
        Assert.Equal([ResultSource.Official, ResultSource.Official, ResultSource.Collected], power.Points.Select(p => p.Source));
        Assert.Contains("การใช้อำนาจ", power.Label, StringComparison.Ordinal);
        Assert.NotNull(power.Projection);
        Assert.NotNull(power.Projection.Lower); // three years: a prediction interval
        // EIT and OIT were not collected in 2566: their series stop at 2565 and the total has no 2566 point.
        Assert.Equal([2564, 2565], trend.SeriesOf("EIT").Points.Select(p => p.FiscalYear));
        Assert.Equal([2564, 2565], trend.SeriesOf("total").Points.Select(p => p.FiscalYear));
    }

    [Fact]
    public async Task The_page_labels_the_projection_and_shows_it_only_with_two_years_or_more()
    {
        var browser = await _world.BrowserAsync(Roles.AgencyAdmin);
        var url = $"/admin/agencies/{_world.Ours.AgencyId}/trends";
        await _world.ImportAsync(Line(2565, TrendsWorld.Indicators2565));

        var oneYear = await browser.GetStringAsync(url, TrendsWorld.Cancel);
        await _world.ImportAsync(Line(2564, TrendsWorld.Indicators2564));
        var twoYears = await browser.GetStringAsync(url, TrendsWorld.Cancel);

        Assert.Contains("พ.ศ. 2565", oneYear, StringComparison.Ordinal);
        Assert.DoesNotContain("projection-row", oneYear, StringComparison.Ordinal);
        Assert.Contains("อย่างน้อยสองปี", oneYear, StringComparison.Ordinal);
        Assert.Contains("projection-row", twoYears, StringComparison.Ordinal);
        Assert.Contains("พ.ศ. 2566 <span class=\"tag projection\">ประมาณการ</span>", twoYears, StringComparison.Ordinal);
        Assert.Contains("ไม่ใช่ผลการประเมิน", twoYears, StringComparison.Ordinal);
        Assert.DoesNotContain("2,56", twoYears, StringComparison.Ordinal); // years without thousands separators
    }

    [Fact]
    public async Task Trend_charts_are_on_the_page_with_buddhist_era_years_and_download_as_png()
    {
        await _world.ImportAsync(Line(2564, TrendsWorld.Indicators2564));
        await _world.ImportAsync(Line(2565, TrendsWorld.Indicators2565));
        var browser = await _world.BrowserAsync(Roles.AgencyAdmin);

        var html = await browser.GetStringAsync($"/admin/agencies/{_world.Ours.AgencyId}/trends", TrendsWorld.Cancel);
        var svgs = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("figure.chart svg");
        var overall = await browser.GetAsync(TrendCharts.Png(_world.Ours.AgencyId, TrendCharts.Overall), TrendsWorld.Cancel);
        var indicator = await browser.GetAsync(TrendCharts.Png(_world.Ours.AgencyId, "indicator:9"), TrendsWorld.Cancel);
        var unknown = await browser.GetAsync(TrendCharts.Png(_world.Ours.AgencyId, "indicator:99"), TrendsWorld.Cancel);
        var other = await browser.GetAsync(TrendCharts.Png(_world.OtherAgencyId, TrendCharts.Overall), TrendsWorld.Cancel);

        Assert.Equal(4, svgs.Length); // two charts, each laid out for a desktop column and for a phone
        var narrow = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("figure.chart-narrow svg");
        Assert.Equal(2, narrow.Length);
        Assert.All(narrow, svg => Assert.StartsWith("0 0 360 ", svg.GetAttribute("viewBox"), StringComparison.Ordinal));
        Assert.All(svgs, svg => Assert.Equal("img", svg.GetAttribute("role")));
        var labels = svgs[0].QuerySelectorAll("text").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("2564", labels);
        Assert.Contains("2566", labels); // the projected year
        Assert.DoesNotContain(labels, l => l.Contains("2,56", StringComparison.Ordinal) || l.Contains("2564.5", StringComparison.Ordinal));
        Assert.Contains("ประมาณการ", svgs[0].QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        foreach (var png in new[] { overall, indicator })
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, png.StatusCode);
            Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        }
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Another_agencys_trends_are_not_found_and_show_none_of_its_data()
    {
        await _world.ImportAsync($"{TrendsWorld.OtherName},ขอนแก่น,2565,{TrendsWorld.Indicators2565},87.97");
        var browser = await _world.BrowserAsync(Roles.AgencyAdmin);

        var answer = await browser.GetAsync($"/admin/agencies/{_world.OtherAgencyId}/trends", TrendsWorld.Cancel);
        var html = await answer.Content.ReadAsStringAsync(TrendsWorld.Cancel);
        var viewer = await _world.PrincipalAsync(Roles.Viewer, _world.Ours.AgencyId);
        var direct = await _world.WithAsync<AgencyTrends, AgencyTrend?>(t => t.ForAgencyAsync(viewer, _world.OtherAgencyId, TrendsWorld.Cancel));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("ไม่พบข้อมูลที่ต้องการ", html, StringComparison.Ordinal);
        Assert.DoesNotContain(TrendsWorld.OtherName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("87.97", html, StringComparison.Ordinal);
        Assert.Null(direct);
    }

    [Fact]
    public async Task A_withheld_instrument_stays_withheld_in_the_trend()
    {
        await _world.AnswerAsync("IIT", 3, 3);
        await _world.AnswerAsync("EIT", 5, 3);

        var trend = await TrendAsync();
        var html = await (await _world.BrowserAsync(Roles.Viewer)).GetStringAsync($"/admin/agencies/{_world.Ours.AgencyId}/trends", TrendsWorld.Cancel);

        var year = Assert.Single(trend.Years).Headline;
        Assert.Contains("IIT", year.Withheld);
        Assert.Null(year.Instrument("IIT"));
        Assert.All(["1", "2", "3", "4", "5"], code => Assert.Null(year.Indicator(code)));
        Assert.NotNull(year.Instrument("EIT"));
        Assert.Empty(trend.SeriesOf("IIT").Points);
        Assert.Contains("ปกปิด", html, StringComparison.Ordinal);
    }
}
