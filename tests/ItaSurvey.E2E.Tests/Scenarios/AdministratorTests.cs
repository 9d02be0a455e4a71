using System.Globalization;
using System.Text;
using System.Text.Json;
using ItaSurvey.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>
/// Issue 8, scenario 4: sign in, see the new responses counted and scored on the round page and
/// its dashboard, with its charts in Thai, and download exports from the dashboard.
/// </summary>
public sealed class AdministratorTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    // Five EIT: below five an instrument's scores are withheld. Ten IIT: while a round is open,
    // IIT figures move in blocks of five, one block behind, so the first five are scored.
    private const int Citizens = 5;
    private const int Staff = 10;

    [Fact]
    public async Task An_administrator_sees_new_responses_counted_and_scored_with_charts_and_downloads_exports()
    {
        var round = Server.AdminRound;
        var respondent = await NewPageAsync();
        foreach (var (path, count) in new[] { (round.EitPath, Citizens), (round.IitPath, Staff) })
        {
            for (var i = 0; i < count; i++)
            {
                await respondent.GotoAsync(path);
                await Questionnaire.AnswerEverythingAsync(respondent);
                await Questionnaire.Submit(respondent).ClickAsync();
                await Questionnaire.ExpectThanksAsync(respondent);
            }
        }

        var admin = await NewPageAsync();
        await SignInAsync(admin);
        await OpenInteractiveAsync(admin, $"/admin/rounds/{round.Id}", admin.GetByRole(AriaRole.Heading, new() { Name = "คะแนนขณะนี้" }));
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("รอบการประเมินปีงบประมาณ พ.ศ. 2566");
        using var results = JsonDocument.Parse(await (await admin.APIRequest.GetAsync($"/api/v1/rounds/{round.Id}/results")).TextAsync());
        var shown = new Dictionary<string, string>();
        foreach (var (instrument, count) in new[] { ("IIT", Staff), ("EIT", Citizens) })
        {
            await Expect(Card(admin, ".card.sample", instrument).Locator("strong.big")).ToHaveTextAsync(count.ToString(CultureInfo.InvariantCulture));
            shown[instrument] = results.RootElement.GetProperty("instruments").EnumerateArray()
                .Single(i => i.GetProperty("code").GetString() == instrument).GetProperty("score").GetProperty("display").GetString()!;
            Assert.Matches(@"^\d{1,3}\.\d\d$", shown[instrument]);
            await Expect(Card(admin, ".card.score", instrument).Locator("p.big")).ToHaveTextAsync(shown[instrument]);
        }
        await Artifacts.ScreenshotAsync(admin, "4-admin-round", fullPage: true);

        // The dashboard: the same scores, the counts, the IIT block rule explained, the charts in Thai.
        await admin.GetByRole(AriaRole.Link, new() { Name = "ผลคะแนนและสถิติ" }).ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { Name = "คะแนนรายตัวชี้วัด" }).WaitForAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ผลคะแนน ITA ปีงบประมาณ พ.ศ. 2566");
        foreach (var (instrument, count) in new[] { ("IIT", Staff), ("EIT", Citizens) })
        {
            var card = Card(admin, ".card.score", instrument);
            await Expect(card.Locator("p.big")).ToHaveTextAsync(shown[instrument]);
            await Expect(card).ToContainTextAsync($"ผู้ตอบ {count}");
        }
        await Expect(Card(admin, ".card.score", "IIT")).ToContainTextAsync("คำนวณจาก 5 คำตอบ (จากทั้งหมด 10)");
        // The layout the viewport shows: 640 px wide on a desktop, 360 px on a phone.
        var chart = admin.Locator("figure.chart svg[role=img]").Filter(new() { Visible = true }).First;
        await Expect(chart.Locator("title")).ToContainTextAsync("คะแนนรายตัวชี้วัด");
        await Expect(chart.Locator("text").Filter(new() { HasTextString = "การใช้อำนาจ" })).ToHaveCountAsync(1);
        // The chart's Thai labels are drawn with the bundled font, not a system fallback.
        Assert.True(await admin.EvaluateAsync<bool>(
            "async () => { await document.fonts.ready; return [...document.fonts].some(f => f.family.replaceAll('\"', '') === 'ItaSurvey Sans' && f.status === 'loaded'); }"),
            "the bundled chart font did not load");
        // Measured in the page, polling: under load the live render may replace the prerendered chart meanwhile.
        await admin.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('figure.chart svg[role=img]')].some(s => { const r = s.getBoundingClientRect(); return r.width > 300 && r.height > 200; })",
            null, new() { Timeout = 15_000 });
        await admin.GetByRole(AriaRole.Button, new() { Name = "แสดงแผนภูมิ" }).First.ClickAsync();
        await Expect(admin.Locator(".distribution-cell figure.chart svg")).ToHaveCountAsync(1);
        await Artifacts.ScreenshotAsync(admin, "4-admin-dashboard", fullPage: true);

        // Exports from the dashboard's own links, downloaded by the signed-in browser.
        var workbook = await admin.RunAndWaitForDownloadAsync(() => admin.GetByRole(AriaRole.Link, new() { Name = "ส่งออกคำตอบ (XLSX)" }).ClickAsync());
        Assert.Equal($"round-{round.Id}-2566-responses.xlsx", workbook.SuggestedFilename);
        var savedWorkbook = Path.Combine(Artifacts.Folder, "4-admin-export.xlsx");
        await workbook.SaveAsAsync(savedWorkbook);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(savedWorkbook, TestContext.Current.CancellationToken))[..2]);
        var indicators = await admin.RunAndWaitForDownloadAsync(() => admin.GetByRole(AriaRole.Link, new() { Name = "ดาวน์โหลดภาพ PNG" }).First.ClickAsync());
        Assert.EndsWith("-indicators.png", indicators.SuggestedFilename, StringComparison.Ordinal);

        var download = await admin.RunAndWaitForDownloadAsync(async () =>
        {
            try
            {
                await admin.GotoAsync($"/admin/rounds/{round.Id}/export/responses.csv?instrument=EIT");
            }
            catch (PlaywrightException e) when (e.Message.Contains("Download is starting"))
            {
                // A navigation that becomes a download ends this way.
            }
        });
        Assert.Equal($"round-{round.Id}-2566-eit-responses.csv", download.SuggestedFilename);
        var saved = Path.Combine(Artifacts.Folder, "4-admin-export-eit.csv");
        await download.SaveAsAsync(saved);
        Artifacts.Print(saved);
        var bytes = await File.ReadAllBytesAsync(saved, TestContext.Current.CancellationToken);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("instrument,submittedOn,respondentGroup,", lines[0]);
        Assert.Equal(Citizens, lines.Length - 1);
        Assert.All(lines[1..], line => Assert.StartsWith("EIT,", line));
        Assert.All(lines[1..], line => Assert.Contains(",citizen,", line, StringComparison.Ordinal));
    }

    private static ILocator Card(IPage page, string card, string instrument) =>
        page.Locator(card).Filter(new() { Has = page.Locator(".tag", new() { HasTextString = instrument }) });
}
