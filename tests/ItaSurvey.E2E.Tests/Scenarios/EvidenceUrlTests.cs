using ItaSurvey.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>Issue 18, item 7: the OIT page refuses an evidence URL that is not http(s), in Thai, and stores nothing.</summary>
public sealed class EvidenceUrlTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    public async Task A_script_URL_typed_as_OIT_evidence_is_refused_in_Thai_and_not_stored(string url)
    {
        var path = $"/admin/rounds/{Server.HostileRound.Id}/oit";
        var admin = await NewPageAsync();
        await SignInAsync(admin);
        await OpenInteractiveAsync(admin, path, Live(admin, "#url-O1-0"));
        var item = admin.Locator("#oit-O1");

        await item.GetByLabel("มี", new() { Exact = true }).CheckAsync();
        await admin.Locator("#url-O1-0").FillAsync(url);
        await admin.Locator("#url-O1-0").BlurAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "บันทึกข้อนี้" }).ClickAsync();

        await Expect(item).ToContainTextAsync("URL ต้องเป็นที่อยู่เต็มที่ขึ้นต้นด้วย https:// หรือ http://");
        await Expect(admin.Locator("#url-O1-0")).ToHaveAttributeAsync("aria-invalid", "true");

        // Nothing was stored: the page loaded afresh shows the item unanswered and no URL.
        await OpenInteractiveAsync(admin, path, Live(admin, "#url-O1-0"));
        await Expect(admin.Locator("#url-O1-0")).ToHaveValueAsync("");
        await Expect(admin.Locator("#oit-O1 .answer")).ToHaveTextAsync("ยังไม่ระบุ");
        Assert.Equal(0, await admin.Locator("a[href^='javascript:' i], a[href^='data:' i], a[href^='vbscript:' i]").CountAsync());
    }
}
