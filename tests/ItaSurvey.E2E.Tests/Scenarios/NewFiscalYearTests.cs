using System.Globalization;
using System.Text.RegularExpressions;
using ItaSurvey.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>
/// Issue 14, the whole afternoon: a system administrator makes fiscal year 2570 from 2566 in the
/// app (a question reworded, one moved to another indicator, a rating threshold raised), reads
/// what changed and the preview, publishes, opens a round of 2570 for a new agency; citizens answer
/// on their phones; the round page scores them under 2570's indicators, not 2566's.
/// </summary>
public sealed partial class NewFiscalYearTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    private const string Year = "2570";

    private const string NewWording = "เจ้าหน้าที่ของหน่วยงานให้บริการแก่ท่านตามประเด็นต่อไปนี้มากน้อยเพียงใด (ถ้อยคำปี 2570)";

    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
    };

    private static ILocator Field(IPage page, string id) => page.Locator($"[id='{id}']");

    /// <summary>Opens item <paramref name="index"/> (0-based) of a list of the editor.</summary>
    private static Task OpenItemAsync(IPage page, string list, int index) =>
        page.Locator($"[id='{list}'] > ol > li").Nth(index).Locator("button.json-toggle").First.ClickAsync();

    [Fact]
    public async Task A_new_year_is_made_in_the_app_published_answered_on_a_phone_and_scored_under_its_own_rules()
    {
        var admin = await NewPageAsync();
        await SignInAsync(admin);

        // Copy 2566 into a draft of 2570.
        await OpenInteractiveAsync(admin, "/admin/years", admin.GetByRole(AriaRole.Heading, new() { Name = "ปีงบประมาณใหม่" }));
        var from = await admin.Locator("#copy-from option", new() { HasTextString = "2566 ฉบับที่ 1" }).GetAttributeAsync("value");
        await admin.Locator("#copy-from").SelectOptionAsync(from!);
        await admin.Locator("#copy-year").FillAsync(Year);
        await admin.GetByRole(AriaRole.Button, new() { Name = "สร้างร่างจากฉบับนี้" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"ปีงบประมาณ พ.ศ. {Year} ฉบับที่ 1");
        var draft = new Uri(admin.Url).AbsolutePath;
        await OpenInteractiveAsync(admin, draft, admin.GetByRole(AriaRole.Button, new() { Name = "ลบร่าง" }));

        // The rating: ผ่านดี now needs a total of 90 (the second level of model.json's rating).
        await OpenItemAsync(admin, "model.json$.rating.levels", 1);
        var minTotal = Field(admin, "model.json$.rating.levels[1].minTotal");
        await Expect(minTotal).ToHaveValueAsync("85");
        await minTotal.FillAsync("90");
        await minTotal.PressAsync("Tab");

        // The EIT: E1 reworded, E5 moved from indicator 6 to indicator 7.
        await admin.GetByRole(AriaRole.Tab, new() { NameRegex = EitTab() }).ClickAsync();
        await OpenItemAsync(admin, "eit.json$.questions", 0);
        await Field(admin, "eit.json$.questions[0].text.th").FillAsync(NewWording);
        await OpenItemAsync(admin, "eit.json$.questions", 4);
        var indicator = Field(admin, "eit.json$.questions[4].indicator");
        await Expect(indicator).ToHaveValueAsync("6");
        await indicator.FillAsync("7");
        await indicator.PressAsync("Tab");
        await Expect(admin.GetByText("ไม่พบปัญหา เผยแพร่ได้")).ToBeVisibleAsync();
        await Expect(admin.Locator(".draft-status")).ToContainTextAsync("บันทึกแล้ว");

        // What changed, against 2566: the old and new wording side by side, the move, the threshold.
        await admin.GotoAsync(draft + "/changes");
        var reworded = admin.Locator("tr.change[data-code='E1']").Filter(new() { Has = admin.Locator(".before-after") });
        await Expect(reworded.Locator(".after")).ToContainTextAsync(NewWording);
        await Expect(reworded.Locator(".before")).ToContainTextAsync("เจ้าหน้าที่ของหน่วยงานที่ท่านติดต่อ");
        await Expect(admin.Locator("tr.change[data-code='E5']")).ToContainTextAsync("ย้ายจากตัวชี้วัด 6 ไปตัวชี้วัด 7");
        await Expect(admin.Locator("tr.change[data-code='passed-good']").First).ToContainTextAsync("90");
        await Artifacts.ScreenshotAsync(admin, "14-changes", fullPage: false);

        // The preview: the EIT as a citizen will see it, which cannot be sent.
        await admin.GotoAsync(draft + "/preview");
        var eit = admin.FrameLocator("iframe[title='ตัวอย่างแบบ EIT']");
        await Expect(eit.Locator("#q-E1")).ToContainTextAsync(NewWording);
        await Expect(eit.GetByRole(AriaRole.Button, new() { Name = "ส่งคำตอบ" })).ToBeDisabledAsync();
        await Artifacts.ScreenshotAsync(admin, "14-preview", fullPage: false);

        // Publish.
        await OpenInteractiveAsync(admin, draft, admin.GetByRole(AriaRole.Button, new() { Name = "ลบร่าง" }));
        await admin.GetByRole(AriaRole.Button, new() { Name = "เผยแพร่", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "ยืนยันเผยแพร่" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "สร้างฉบับแก้ไขจากฉบับนี้" })).ToBeVisibleAsync();

        // A new agency opens its 2570 round.
        var eitUrl = await OpenRoundAsync(admin);

        // Five citizens (below five the EIT is withheld) answer on their phones: E5 at its lowest,
        // every other question at its best.
        for (var i = 0; i < 5; i++)
        {
            var phone = await NewPageAsync(Phone);
            await phone.GotoAsync(eitUrl);
            await Expect(phone.Locator("#q-E1")).ToContainTextAsync(NewWording);
            await AnswerAsync(phone);
            if (i == 0)
            {
                var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
                Assert.True(width <= 390, $"the 2570 form is {width} px wide on a 390 px phone");
            }
            await Questionnaire.Submit(phone).TapAsync();
            await Questionnaire.ExpectThanksAsync(phone);
        }

        // Scored by 2570: E5 counts in indicator 7, so indicator 6 is whole and 7 is not (under
        // 2566 it would be the other way round).
        var round = new Uri(admin.Url).AbsolutePath;
        await OpenInteractiveAsync(admin, round, admin.GetByRole(AriaRole.Heading, new() { Name = "คะแนนขณะนี้" }));
        await Expect(IndicatorScore(admin, "6")).ToHaveTextAsync("100.00");
        var seven = decimal.Parse(await IndicatorScore(admin, "7").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(seven, 0m, 99.99m);
        await Artifacts.ScreenshotAsync(admin, "14-round-2570", fullPage: true);
    }

    /// <summary>Creates an agency and its round of <see cref="Year"/>; returns the round's EIT address.</summary>
    private static async Task<string> OpenRoundAsync(IPage admin)
    {
        await OpenInteractiveAsync(admin, "/admin/agencies/new", admin.GetByRole(AriaRole.Button, new() { Name = "บันทึกหน่วยงาน" }));
        await admin.Locator("#nameTh").FillAsync("เทศบาลตำบลปีใหม่");
        await admin.Locator("#province").FillAsync("ลำปาง");
        await admin.Locator("#group").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await admin.Locator("#headcount").FillAsync("40");
        await admin.GetByRole(AriaRole.Button, new() { Name = "บันทึกหน่วยงาน" }).ClickAsync();
        var create = admin.GetByRole(AriaRole.Button, new() { Name = "สร้างรอบและลิงก์แบบวัด" });
        await create.WaitForAsync();
        await admin.Locator("#new-round-year").SelectOptionAsync(Year);
        var today = DateTime.Today;
        await admin.Locator("#new-round-opens").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await admin.Locator("#new-round-closes").FillAsync(today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await create.ClickAsync();
        await Expect(admin.Locator("a.pinned-version")).ToContainTextAsync($"{Year} ฉบับที่ 1");
        var url = await admin.Locator("dl.links div").Filter(new() { HasTextString = "EIT" }).Locator("code.url").InnerTextAsync();
        return Regex.Replace(url, @"\s", "");
    }

    /// <summary>As a citizen; E5 at "least or none", everything else at its highest-scoring answer.</summary>
    private static async Task AnswerAsync(IPage phone)
    {
        await phone.Locator("fieldset.screening label.opt").First.TapAsync();
        foreach (var question in await phone.Locator("form.survey fieldset.q[id^='q-E']").AllAsync())
        {
            var code = (await question.GetAttributeAsync("id"))![2..];
            var best = code switch
            {
                "E5" => "น้อยที่สุดหรือไม่มีเลย",
                "E4" => "ไม่มี", // asked the other way round: "no" is the good answer
                "E9" => "มี",
                _ => "มากที่สุด",
            };
            foreach (var options in await question.Locator(".opts").AllAsync())
            {
                await options.Locator("label.opt").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(best)}\\s*$") }).TapAsync();
            }
        }
    }

    private static ILocator IndicatorScore(IPage page, string code) =>
        page.Locator("table.indicators tr").Filter(new() { Has = page.Locator("td:first-child", new() { HasTextRegex = new Regex($"^\\s*{code}\\.") }) }).Locator("td.num");

    [GeneratedRegex("eit\\.json")]
    private static partial Regex EitTab();
}
