using AngleSharp.Html.Parser;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Rounds;

namespace ItaSurvey.Web.Tests.Dashboards;

/// <summary>The round dashboard page: its Thai text, the indicator chart, chart downloads and what raises the total most.</summary>
public class RoundDashboardPageTests : RoundDashboardTestBase
{
    [Fact]
    public async Task The_page_shows_the_total_indicators_and_questions_in_thai()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(Round.Id, "EIT", [.. Enumerable.Repeat(Enumerable.Range(0, form.FieldCount).Select(f => (byte)(form.LevelCounts[f] - 1)).ToArray(), 5)]);
        var (email, password) = await App.CreateUserAsync(Roles.Viewer, Round.AgencyId);
        var browser = await App.SignedInBrowserAsync(email, password);

        var html = await browser.GetStringAsync($"/admin/rounds/{Round.Id}/dashboard", Cancel);
        var main = new HtmlParser().ParseDocument(html).QuerySelector("main")!;

        Assert.Contains("ผลคะแนน ITA ปีงบประมาณ พ.ศ. 2566", main.TextContent, StringComparison.Ordinal);
        Assert.Contains("คุณภาพการดำเนินงาน", main.TextContent, StringComparison.Ordinal); // indicator 6
        Assert.Contains("ช่วงความเชื่อมั่น 95%", main.TextContent, StringComparison.Ordinal);
        var scoredRows = main.QuerySelectorAll("table.questions tbody tr").Count(r => r.QuerySelector("td.num") is not null);
        Assert.Equal(Form(2566, "EIT").Questionnaire.Questions.Count, scoredRows);
        Assert.Contains("100.00", main.TextContent, StringComparison.Ordinal); // every EIT answer at the top
        Assert.Contains("ไม่แสดงเพื่อรักษาความลับของผู้ตอบ", main.TextContent, StringComparison.Ordinal); // no IIT yet: withheld rows say why
    }

    [Fact]
    public async Task Chart_downloads_are_pngs_in_scope_and_withheld_answers_have_none()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(Round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 5)]);
        await StoreAsync(Round.Id, "IIT", [.. Enumerable.Repeat(new byte[Form(2566, "IIT").FieldCount], 3)]);
        var (email, password) = await App.CreateUserAsync(Roles.Viewer, Round.AgencyId);
        var browser = await App.SignedInBrowserAsync(email, password);
        var other = await App.CreateRoundAsync(IitMode.OpenLink);

        var indicators = await browser.GetAsync(DashboardCharts.IndicatorsPng(Round.Id), Cancel);
        var answers = await browser.GetAsync(DashboardCharts.DistributionPng(Round.Id, form.FieldCodes[0]), Cancel);
        var withheld = await browser.GetAsync(DashboardCharts.DistributionPng(Round.Id, Form(2566, "IIT").Questionnaire.Questions[0].Code), Cancel);
        var outOfScope = await browser.GetAsync(DashboardCharts.IndicatorsPng(other.Id), Cancel);
        var anonymous = await App.NewBrowser().GetAsync(DashboardCharts.IndicatorsPng(Round.Id), Cancel);

        foreach (var png in new[] { indicators, answers })
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, png.StatusCode);
            Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync(Cancel))[..4]);
        }
        Assert.Equal(System.Net.HttpStatusCode.Conflict, withheld.StatusCode);
        Assert.Contains("ไม่แสดงเพื่อรักษาความลับ", await withheld.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_page_carries_the_indicator_chart_as_an_accessible_svg_with_thai_text()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(Round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 5)]);
        var (email, password) = await App.CreateUserAsync(Roles.Viewer, Round.AgencyId);
        var browser = await App.SignedInBrowserAsync(email, password);

        var html = await browser.GetStringAsync($"/admin/rounds/{Round.Id}/dashboard", Cancel);
        var svg = new HtmlParser().ParseDocument(html).QuerySelector("figure.chart svg")!;

        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Contains("คะแนนรายตัวชี้วัด", svg.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("คุณภาพการดำเนินงาน", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("การปฏิบัติหน้าที่", svg.TextContent, StringComparison.Ordinal); // the bars' labels, as text
        Assert.Contains(DashboardCharts.IndicatorsPng(Round.Id), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_ranks_what_raises_the_total_most_as_the_report_does()
    {
        var form = Form(2566, "EIT");
        await StoreAsync(Round.Id, "EIT", [.. Enumerable.Repeat(new byte[form.FieldCount], 5)]);
        await StoreAsync(Round.Id, "IIT", [.. Enumerable.Repeat(new byte[Form(2566, "IIT").FieldCount], 5)]);
        var oit = Form(2566, "OIT");
        await using (var db = await Database())
        {
            db.OitEvidence.AddRange(oit.FieldCodes.Select((code, i) => new ItaSurvey.Web.Oit.OitEvidence { RoundId = Round.Id, ItemCode = code, Present = i >= 3 }));
            await db.SaveChangesAsync(Cancel);
        }
        App.CloseRounds(); // every instrument scored: there is a total to raise
        var (email, password) = await App.CreateUserAsync(Roles.Viewer, Round.AgencyId);
        var browser = await App.SignedInBrowserAsync(email, password);

        var dashboard = await BuildAsync(Round.Id);
        var html = await browser.GetStringAsync($"/admin/rounds/{Round.Id}/dashboard", Cancel);

        // Three OIT items missing, priced; the weak questions too (every answer at the lowest level).
        Assert.Contains(dashboard.Gains, g => g.Source == ItaSurvey.Core.Improvement.WeaknessSource.OitItem && g.TotalGain > 0);
        Assert.Contains(dashboard.Gains, g => g.Source == ItaSurvey.Core.Improvement.WeaknessSource.Question && g.TotalGain > 0);
        Assert.Equal(dashboard.Gains.OrderByDescending(g => g.TotalGain ?? 0).Select(g => g.TotalGain), dashboard.Gains.Select(g => g.TotalGain));
        var items = new HtmlParser().ParseDocument(html).QuerySelectorAll(".gain-list li");
        Assert.Equal(5, items.Length);
        Assert.Contains(dashboard.Gains[0].Code, items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("+" + ScoreRounding.Display(dashboard.Gains[0].TotalGain), items[0].TextContent, StringComparison.Ordinal);
    }
}
