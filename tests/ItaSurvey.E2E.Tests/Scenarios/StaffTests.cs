using ItaSurvey.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>Issue 8, scenario 2: a member of staff answers the IIT with the single-use code on their slip.</summary>
public sealed class StaffTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    [Fact]
    public async Task A_slip_code_admits_one_response_and_a_second_use_is_refused_in_Thai()
    {
        var page = await NewPageAsync();
        var code = Server.TakeAccessCode();

        // First use: open the IIT link, type the code from the slip, answer, submit.
        await page.GotoAsync(Server.StaffRound.IitPath);
        await page.GetByLabel("รหัส").FillAsync(code.ToLowerInvariant());
        await page.Keyboard.PressAsync("Enter");
        await Questionnaire.Submit(page).WaitForAsync();
        await Questionnaire.AnswerEverythingAsync(page);
        await Questionnaire.Submit(page).ClickAsync();
        await Questionnaire.ExpectThanksAsync(page);

        // Second use, as someone would by scanning the slip's QR code again.
        var again = await page.GotoAsync($"{Server.StaffRound.IitPath}?k={code}");
        Assert.Equal(409, again!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Questionnaire.CodeUsed);
        Assert.Equal(0, await Questionnaire.Submit(page).CountAsync());
        await Artifacts.ScreenshotAsync(page, "2-staff-code-used");

        // And typed on the code page again.
        await page.GotoAsync(Server.StaffRound.IitPath);
        await page.GetByLabel("รหัส").FillAsync(code);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Questionnaire.CodeUsed);
    }
}
