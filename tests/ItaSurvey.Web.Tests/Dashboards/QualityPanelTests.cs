using System.Net;
using AngleSharp.Html.Parser;
using ItaSurvey.Core.Quality;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Rounds;

namespace ItaSurvey.Web.Tests.Dashboards;

/// <summary>The dashboard's "คุณภาพของคำตอบ" panel: counts, the burst timeline, the sensitivity check and the privacy rules.</summary>
public class QualityPanelTests : RoundDashboardTestBase
{
    private static readonly DateOnly BurstDay = new(2023, 5, 1);

    [Fact]
    public async Task The_panel_counts_each_signal_shows_the_burst_day_and_the_score_without_flagged_as_a_sensitivity_check()
    {
        await StoreEitAsync(honest: 40, straightLined: 12);
        var browser = await ViewerAsync();

        var html = await browser.GetStringAsync($"/admin/rounds/{Round.Id}/dashboard", Cancel);
        var panel = new HtmlParser().ParseDocument(html).QuerySelector("section.quality-panel")!;

        Assert.Contains("คุณภาพของคำตอบ", panel.TextContent, StringComparison.Ordinal);
        var eit = panel.QuerySelector("table.quality-signals[data-instrument=EIT]")!;
        Assert.Equal("12", eit.QuerySelector("tr[data-signal=too-fast] td")!.TextContent.Trim());
        Assert.Equal("12", eit.QuerySelector("tr[data-signal=straight-lined] td")!.TextContent.Trim());
        Assert.Equal("12", eit.QuerySelector("tr[data-signal=duplicate] td")!.TextContent.Trim());
        Assert.StartsWith("12 (23%)", eit.QuerySelector("tr[data-signal=any] td")!.TextContent.Trim(), StringComparison.Ordinal);
        var sensitivity = panel.QuerySelector("[data-sensitivity=EIT]")!;
        Assert.Contains("การตรวจความอ่อนไหว — ไม่ใช่ผลการประเมิน", sensitivity.TextContent, StringComparison.Ordinal);
        Assert.Contains("คะแนนเมื่อตัดคำตอบที่มีสัญญาณออก", sensitivity.TextContent, StringComparison.Ordinal);
        Assert.Contains("ช่วงความเชื่อมั่น 95%", sensitivity.TextContent, StringComparison.Ordinal);
        // The burst timeline: an SVG with a Thai description naming the day and its burst.
        var desc = panel.QuerySelector("svg desc")!.TextContent;
        Assert.Contains("1 พ.ค. 2566 12 คำตอบ ในช่วงพุ่งสูง 12 คำตอบ", desc, StringComparison.Ordinal);
        // The IIT says nothing of its quality while the round is open.
        Assert.Contains("จะแสดงเมื่อปิดรับคำตอบแล้ว", panel.QuerySelector("[data-quality-withheld=IIT]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(panel.QuerySelector("table.quality-signals[data-instrument=IIT]"));
    }

    [Fact]
    public async Task Fewer_than_k_flagged_withholds_the_counts_and_the_score_without_flagged()
    {
        await StoreEitAsync(honest: 40, straightLined: 0, tooFast: 3);
        var browser = await ViewerAsync();

        var html = await browser.GetStringAsync($"/admin/rounds/{Round.Id}/dashboard", Cancel);
        var panel = new HtmlParser().ParseDocument(html).QuerySelector("section.quality-panel")!;

        Assert.Equal("น้อยกว่า 5", panel.QuerySelector("tr[data-signal=too-fast] td")!.TextContent.Trim());
        Assert.Null(panel.QuerySelector("[data-sensitivity=EIT] dl"));
        Assert.Contains("อย่างน้อยกลุ่มละ 5 คำตอบ", panel.QuerySelector("[data-sensitivity=EIT]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_burst_timeline_downloads_as_png_in_scope_and_the_open_iit_has_none()
    {
        await StoreEitAsync(honest: 20, straightLined: 12);
        var browser = await ViewerAsync();
        var other = await App.CreateRoundAsync(IitMode.OpenLink);

        var eit = await browser.GetAsync(QualityCharts.BurstsPng(Round.Id, "EIT"), Cancel);
        var iit = await browser.GetAsync(QualityCharts.BurstsPng(Round.Id, "IIT"), Cancel);
        var outOfScope = await browser.GetAsync(QualityCharts.BurstsPng(other.Id, "EIT"), Cancel);

        Assert.Equal(HttpStatusCode.OK, eit.StatusCode);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await eit.Content.ReadAsByteArrayAsync(Cancel))[..4]);
        Assert.Equal(HttpStatusCode.Conflict, iit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
    }

    [Fact]
    public async Task The_api_gives_the_same_figures_and_keeps_the_open_iit_withheld()
    {
        await StoreEitAsync(honest: 40, straightLined: 12);
        var browser = await ViewerAsync();

        var json = System.Text.Json.JsonDocument.Parse(await browser.GetStringAsync($"/api/v1/rounds/{Round.Id}/quality", Cancel)).RootElement;

        var instruments = json.GetProperty("instruments").EnumerateArray().ToDictionary(i => i.GetProperty("instrument").GetString()!);
        Assert.Equal(12, instruments["EIT"].GetProperty("signals").GetProperty("too-fast").GetInt64());
        Assert.Equal(12, instruments["EIT"].GetProperty("flagged").GetInt64());
        Assert.True(instruments["EIT"].GetProperty("sensitivity").GetProperty("difference").GetDouble() > 0);
        Assert.Equal(12, instruments["EIT"].GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("inBursts").GetInt32()));
        Assert.Contains("ปิดรับคำตอบ", instruments["IIT"].GetProperty("withheldTh").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, instruments["IIT"].GetProperty("flagged").ValueKind);
    }

    private async Task<HttpClient> ViewerAsync()
    {
        var (email, password) = await App.CreateUserAsync(Roles.Viewer, Round.AgencyId);
        return await App.SignedInBrowserAsync(email, password);
    }

    /// <summary>Varied answers spread over quiet days, and a straight-lined crowd in one window of <see cref="BurstDay"/>.</summary>
    private async Task StoreEitAsync(int honest, int straightLined, int tooFast = 0)
    {
        var form = Form(2566, "EIT");
        var random = new Random(5);
        await using var db = await Database();
        for (var i = 0; i < honest + straightLined; i++)
        {
            var crowd = i >= honest;
            var levels = crowd
                ? form.LevelCounts.Select(n => (byte)(n - 1)).ToArray()
                : form.LevelCounts.Select(n => (byte)random.Next(n)).ToArray();
            db.Responses.Add(new Response
            {
                RoundId = Round.Id, Instrument = "EIT", SubmittedOn = crowd ? BurstDay : BurstDay.AddDays(1 + (i % 20)), SubmissionKey = Guid.NewGuid(),
                FormVersion = form.Fingerprint, Answers = levels, RespondentGroup = "citizen",
                Signals = crowd ? new AnswerPatterns(form).Of(levels) | ResponseSignal.TooFast : i < tooFast ? ResponseSignal.TooFast : ResponseSignal.None,
            });
        }
        for (var i = 0; i < honest; i++)
        {
            db.SubmissionWindows.Add(new SubmissionWindow { RoundId = Round.Id, Instrument = "EIT", Day = BurstDay.AddDays(1 + (i % 20)), Slot = WindowRanking.FirstRank + (i / 20), Count = 1 });
        }
        if (straightLined > 0)
        {
            db.SubmissionWindows.Add(new SubmissionWindow { RoundId = Round.Id, Instrument = "EIT", Day = BurstDay, Slot = WindowRanking.FirstRank, Count = straightLined });
        }
        await db.SaveChangesAsync(Cancel);
    }
}
