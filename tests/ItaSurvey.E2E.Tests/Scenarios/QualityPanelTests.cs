using System.Globalization;
using ItaSurvey.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>
/// Issue 16 in a browser: honest citizens who take their time and a crowd that sends the same
/// straight-lined "มากที่สุด" at once; the round dashboard's quality panel, on a desktop and on a
/// 390 px phone, counts the crowd, draws the timeline by day (SVG with a Thai title and
/// description, PNG download) and heads the score without flagged responses as a check, not a result.
/// </summary>
public sealed class QualityPanelTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    private const int Honest = 15;
    private const int Crowd = 10;

    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
    };

    // The screening question's first choice (a citizen); every answer field either at its top level or at random.
    private const string Answer = """
        mode => {
            for (const group of document.querySelectorAll('form.survey .opts')) {
                const inputs = [...group.querySelectorAll('input[type=radio]')];
                if (inputs.length === 0) continue;
                const pick = inputs[0].name.startsWith('_') ? inputs[0]
                    : mode === 'top' ? inputs.reduce((a, b) => (+b.value > +a.value ? b : a))
                    : inputs[Math.floor(Math.random() * inputs.length)];
                pick.checked = true;
            }
        }
        """;

    [Fact]
    public async Task The_dashboard_panel_counts_a_straight_lined_crowd_draws_the_days_and_labels_the_check_as_not_a_result()
    {
        var round = Server.QualityRound;
        // Honest citizens open the form, read for more than the EIT's 30 seconds, then answer as they think.
        var honest = new List<IPage>();
        for (var i = 0; i < Honest; i++)
        {
            var page = await NewPageAsync();
            await page.GotoAsync(round.EitPath);
            honest.Add(page);
        }
        await Task.Delay(TimeSpan.FromSeconds(32), TestContext.Current.CancellationToken);
        foreach (var page in honest)
        {
            await SendAsync(page, "random");
        }
        // The crowd: the same answers, sent at once.
        for (var i = 0; i < Crowd; i++)
        {
            var page = await NewPageAsync();
            await page.GotoAsync(round.EitPath);
            await SendAsync(page, "top");
        }

        var desktop = await NewPageAsync();
        await CheckPanelAsync(desktop, round, "16-quality-desktop");
        var download = await desktop.RunAndWaitForDownloadAsync(() =>
            desktop.Locator("section.quality-panel").GetByRole(AriaRole.Link, new() { Name = "ดาวน์โหลดภาพ PNG" }).First.ClickAsync());
        Assert.Equal($"ita-2566-round-{round.Id}-bursts-eit.png", download.SuggestedFilename);
        var saved = Path.Combine(Artifacts.Folder, "16-quality-bursts.png");
        await download.SaveAsAsync(saved);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(saved, TestContext.Current.CancellationToken))[..4]);

        var phone = await NewPageAsync(Phone);
        await CheckPanelAsync(phone, round, "16-quality-phone");
        // The phone shows the 360 px layout of the chart, which fits the screen.
        var width = await phone.Locator("section.quality-panel figure svg[role=img]").Filter(new() { Visible = true }).First
            .EvaluateAsync<double>("s => s.getBoundingClientRect().width");
        Assert.InRange(width, 200, 390);
    }

    private static async Task SendAsync(IPage page, string mode)
    {
        await page.EvaluateAsync(Answer, mode);
        await Questionnaire.Submit(page).ClickAsync();
        await Questionnaire.ExpectThanksAsync(page);
    }

    private static async Task CheckPanelAsync(IPage page, SeededRound round, string screenshot)
    {
        await SignInAsync(page);
        // The live connection replaces the prerendered page once; the checks read what stays.
        await OpenInteractiveAsync(page, $"/admin/rounds/{round.Id}/dashboard", page.Locator("section.quality-panel table.quality-signals"));
        var panel = page.Locator("section.quality-panel");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "คุณภาพของคำตอบ" })).ToBeVisibleAsync();
        var eit = panel.Locator("table.quality-signals[data-instrument=EIT]");
        var crowd = Crowd.ToString(CultureInfo.InvariantCulture);
        foreach (var signal in new[] { "too-fast", "straight-lined", "duplicate" })
        {
            await Expect(eit.Locator($"tr[data-signal={signal}] td")).ToHaveTextAsync(crowd);
        }
        await Expect(eit.Locator("tr[data-signal=any] td")).ToContainTextAsync($"{crowd} (40");
        // The IIT: nobody answered, and its figures wait for the round to close anyway.
        await Expect(panel.Locator("[data-quality-withheld=IIT]")).ToContainTextAsync("ปิดรับคำตอบ");
        var check = panel.Locator("[data-sensitivity=EIT]");
        await Expect(check.Locator("h4")).ToHaveTextAsync("การตรวจความอ่อนไหว — ไม่ใช่ผลการประเมิน");
        await Expect(check.Locator("dl")).ToContainTextAsync("คะแนนเมื่อตัดคำตอบที่มีสัญญาณออก");
        var chart = panel.Locator("figure svg[role=img]").Filter(new() { Visible = true }).First;
        await Expect(chart.Locator("title")).ToContainTextAsync("คำตอบ EIT รายวันและช่วงพุ่งสูง ปีงบประมาณ พ.ศ. 2566");
        await Expect(chart.Locator("desc")).ToContainTextAsync($"{Honest + Crowd} คำตอบ");
        await Artifacts.ScreenshotAsync(page, screenshot, fullPage: true);
    }
}
