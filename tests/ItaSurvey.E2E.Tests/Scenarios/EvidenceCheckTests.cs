using ItaSurvey.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>
/// Issue 15: evidence recorded on the OIT page points at a local site (this year's page, last
/// year's, a page that says it does not exist); "ตรวจหลักฐานตอนนี้" reads them, and each link shows
/// its verdict with its Thai reason on a 390 px phone and on a desktop.
/// </summary>
public sealed class EvidenceCheckTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
    };

    private static readonly (string Path, string Verdict, string Reason)[] Expected =
    [
        ("/right.html", "ดูเหมือนถูกต้อง", "พบปีงบประมาณ 2566 และคำสำคัญของข้อนี้ในเนื้อหา"),
        ("/last-year.html", "ตรวจสอบปี", "เอกสารกล่าวถึงเฉพาะปีก่อนหน้า (ล่าสุด 2565)"),
        ("/moved.html", "ลิงก์เสีย", "หน้าเว็บเปิดได้แต่มีข้อความว่าไม่พบหน้าที่ต้องการ"),
    ];

    [Fact]
    public async Task Three_links_checked_from_the_OIT_page_show_their_verdicts_and_Thai_reasons_on_a_phone_and_a_desktop()
    {
        using var site = new EvidencePages();
        var path = $"/admin/rounds/{Server.EvidenceRound.Id}/oit";
        var phone = await NewPageAsync(Phone);
        await SignInAsync(phone);
        await OpenInteractiveAsync(phone, path, Live(phone, "#url-O1-0"));
        var item = phone.Locator("#oit-O1");
        await item.GetByLabel("มี", new() { Exact = true }).CheckAsync();
        for (var i = 0; i < Expected.Length; i++)
        {
            if (i > 0)
            {
                await item.GetByRole(AriaRole.Button, new() { Name = "+ เพิ่ม URL" }).ClickAsync();
            }
            var url = phone.Locator($"#url-O1-{i}");
            await url.FillAsync(site.Url(Expected[i].Path));
            await url.BlurAsync();
        }
        await item.GetByRole(AriaRole.Button, new() { Name = "บันทึกข้อนี้" }).ClickAsync();
        await Expect(item.GetByRole(AriaRole.Status)).ToHaveTextAsync("บันทึกแล้ว");

        await phone.GetByRole(AriaRole.Button, new() { Name = "ตรวจหลักฐานตอนนี้" }).ClickAsync();

        await Expect(phone.Locator("#check-status")).ToHaveTextAsync("ตรวจหลักฐานแล้ว 3 ลิงก์", new() { Timeout = 30_000 });
        await SeeVerdictsAsync(phone, width: 390);
        await Artifacts.ScreenshotAsync(phone, "15-evidence-verdicts-phone", fullPage: false);

        // The verdicts are stored: a desktop opening the page afresh sees the same.
        var desktop = await NewPageAsync();
        await SignInAsync(desktop);
        await OpenInteractiveAsync(desktop, path, Live(desktop, "#url-O1-2"));
        await SeeVerdictsAsync(desktop, width: 1280);
        await Artifacts.ScreenshotAsync(desktop, "15-evidence-verdicts-desktop", fullPage: false);
    }

    private static async Task SeeVerdictsAsync(IPage page, int width)
    {
        var rows = page.Locator("#oit-O1 .url-row");
        await Expect(rows).ToHaveCountAsync(Expected.Length);
        for (var i = 0; i < Expected.Length; i++)
        {
            var verdict = rows.Nth(i).Locator(".verdict");
            await verdict.ScrollIntoViewIfNeededAsync();
            await Expect(verdict.Locator(".verdict-name")).ToHaveTextAsync(Expected[i].Verdict);
            await Expect(verdict.Locator(".verdict-reason")).ToContainTextAsync(Expected[i].Reason);
            await Expect(verdict).ToBeInViewportAsync();
            var box = (await verdict.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= width, $"the verdict of {Expected[i].Path} runs outside a {width} px screen ({box.X} + {box.Width})");
        }
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the page scrolls sideways at {width} px");
    }
}
