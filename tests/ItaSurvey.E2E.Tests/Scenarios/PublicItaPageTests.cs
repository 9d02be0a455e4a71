using Deque.AxeCore.Playwright;
using ItaSurvey.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>Issue 15: evidence recorded on the OIT page, the round's public ITA page switched on, and the page read on a phone.</summary>
public sealed class PublicItaPageTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
    };

    private const string Url = "https://www.khlongwan.example/ita/2566/o1-structure.pdf";
    private const string Label = "โครงสร้างส่วนราชการ เทศบาลตำบลทดสอบหน้าสาธารณะ พ.ศ. 2566";

    [Fact]
    public async Task Evidence_recorded_and_published_reads_on_a_390_px_phone_with_its_label_and_axe_finds_nothing_serious()
    {
        var round = Server.PublicPageRound;
        var admin = await NewPageAsync();
        await SignInAsync(admin);
        await OpenInteractiveAsync(admin, $"/admin/rounds/{round.Id}/oit", Live(admin, "#url-O1-0"));
        var item = admin.Locator("#oit-O1");
        await item.GetByLabel("มี", new() { Exact = true }).CheckAsync();
        await Live(admin, "#url-O1-0").FillAsync(Url);
        await admin.Locator("#label-O1-0").FillAsync(Label);
        await admin.Locator("#label-O1-0").BlurAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "บันทึกข้อนี้" }).ClickAsync();
        await Expect(item.GetByRole(AriaRole.Status)).ToHaveTextAsync("บันทึกแล้ว");

        await OpenInteractiveAsync(admin, $"/admin/rounds/{round.Id}", admin.GetByRole(AriaRole.Heading, new() { Name = "หน้า ITA สาธารณะ" }));
        await admin.GetByLabel("เผยแพร่หน้า ITA สาธารณะ").CheckAsync();
        var save = admin.GetByRole(AriaRole.Button, new() { Name = "บันทึกการตั้งค่า" });
        await Expect(save).ToBeEnabledAsync(new() { Timeout = 30_000 }); // the change reaches the server over the live connection
        await save.ClickAsync();
        var address = admin.Locator("a.public-ita-address");
        await address.WaitForAsync();
        var path = await address.GetAttributeAsync("href");
        Assert.Matches("^/ita/[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}/2566$", path);
        await Expect(admin.Locator("#ita-snippet")).ToContainTextAsync(path!);

        var phone = await NewPageAsync(Phone);
        var response = await phone.GotoAsync(path!);
        Assert.Equal(200, response!.Status);
        await Expect(phone.Locator("h1")).ToHaveTextAsync("เทศบาลตำบลทดสอบหน้าสาธารณะ");
        await Expect(phone.Locator("li.ita-item")).ToHaveCountAsync(43);
        var link = phone.Locator("#O1 .ita-links a");
        await Expect(link).ToHaveTextAsync(Label);
        await Expect(link).ToHaveAttributeAsync("href", Url);
        await Expect(phone.Locator("#O2 .ita-missing")).ToHaveTextAsync("ยังไม่มีหลักฐานเผยแพร่");
        await Expect(phone.Locator("#O1 .ita-updated")).ToContainTextAsync("ปรับปรุงล่าสุด");
        // Nothing wider than the phone: no sideways scrolling.
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Artifacts.ScreenshotAsync(phone, "15-public-ita-phone", fullPage: false);

        var result = await phone.RunAxe();
        var report = Path.Combine(Artifacts.Folder, "15-axe-public-ita.txt");
        await File.WriteAllLinesAsync(report, result.Violations.SelectMany(v => v.Nodes.Select(n => $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" ", n.Target)}"))
            .DefaultIfEmpty("no violations"), TestContext.Current.CancellationToken);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Impact} {v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join('\n', serious));
    }
}
