using ItaSurvey.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>
/// Issue 14: a system administrator copies a year into a new draft, edits it with every problem
/// shown as it happens, sees it saved by itself, is stopped (not overwritten) when another window
/// saved meanwhile, and publishes it once no problem remains.
/// </summary>
public sealed class FiscalYearEditorTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    private static ILocator Field(IPage page, string id) => page.Locator($"[id='{id}']");

    [Fact]
    public async Task A_draft_is_copied_edited_checked_autosaved_protected_from_a_stale_save_and_published()
    {
        var admin = await NewPageAsync();
        await SignInAsync(admin);
        await OpenInteractiveAsync(admin, "/admin/years", admin.GetByRole(AriaRole.Heading, new() { Name = "ปีงบประมาณใหม่" }));
        await admin.Locator("#copy-year").FillAsync("2575");
        await admin.GetByRole(AriaRole.Button, new() { Name = "สร้างร่างจากฉบับนี้" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ปีงบประมาณ พ.ศ. 2575 ฉบับที่ 1");
        await Expect(admin.GetByText("ไม่พบปัญหา เผยแพร่ได้")).ToBeVisibleAsync();
        var draftUrl = admin.Url;

        // A weight that breaks the sum: the problem shows at once, publishing is disabled, the change is saved.
        await OpenInteractiveAsync(admin, new Uri(draftUrl).PathAndQuery, admin.GetByRole(AriaRole.Button, new() { Name = "ลบร่าง" }));
        await admin.Locator("button.json-toggle").First.ClickAsync();
        var weight = Field(admin, "model.json$.instruments[0].weight");
        await weight.FillAsync("0.5");
        await weight.PressAsync("Tab");
        await Expect(admin.Locator("#problems-heading")).ToContainTextAsync("พบปัญหา 1 รายการ");
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "เผยแพร่", Exact = true })).ToBeDisabledAsync();
        await Expect(admin.Locator(".draft-status")).ToContainTextAsync("บันทึกแล้ว");

        // Another window opens the draft; the first saves again, so the other's next save is stale.
        var other = await NewPageAsync();
        await SignInAsync(other);
        await OpenInteractiveAsync(other, new Uri(draftUrl).PathAndQuery, other.GetByRole(AriaRole.Button, new() { Name = "ลบร่าง" }));
        await weight.FillAsync("0.3");
        await weight.PressAsync("Tab");
        await Expect(admin.GetByText("ไม่พบปัญหา เผยแพร่ได้")).ToBeVisibleAsync();
        await Expect(admin.Locator(".draft-status")).ToContainTextAsync("บันทึกแล้ว");
        await Field(other, "model.json$.name.th").FillAsync("ชื่อจากหน้าต่างที่สอง");
        await Expect(other.Locator(".draft-stale")).ToContainTextAsync("หลังจากที่คุณเปิดไว้");
        await Expect(other.Locator(".draft-status")).ToContainTextAsync("หยุดบันทึกอัตโนมัติ");

        // Published: read-only from then on, with the saved weight.
        await admin.GetByRole(AriaRole.Button, new() { Name = "เผยแพร่", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "ยืนยันเผยแพร่" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "สร้างฉบับแก้ไขจากฉบับนี้" })).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(admin, "14-published", fullPage: false);
        await OpenInteractiveAsync(admin, new Uri(draftUrl).PathAndQuery, admin.GetByRole(AriaRole.Button, new() { Name = "สร้างฉบับแก้ไขจากฉบับนี้" }));
        await admin.Locator("button.json-toggle").First.ClickAsync();
        await Expect(Field(admin, "model.json$.instruments[0].weight")).ToHaveTextAsync("0.3");
        await Expect(Field(admin, "model.json$.name.th")).Not.ToHaveTextAsync("ชื่อจากหน้าต่างที่สอง");
        Assert.Equal(0, await admin.Locator("main input, main textarea, main select").CountAsync());
    }
}
