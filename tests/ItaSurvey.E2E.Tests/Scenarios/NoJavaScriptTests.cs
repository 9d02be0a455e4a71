using ItaSurvey.E2E.Tests.Infrastructure;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>Issue 8, scenario 3: with JavaScript switched off both questionnaires still submit.</summary>
public sealed class NoJavaScriptTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    [Fact]
    public async Task The_EIT_form_submits_without_JavaScript()
    {
        var page = await NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync(Server.StaffRound.EitPath);
        await Questionnaire.AnswerEverythingAsync(page);
        await Questionnaire.Submit(page).ClickAsync();
        await Questionnaire.ExpectThanksAsync(page);
        await Artifacts.ScreenshotAsync(page, "3-no-javascript-eit-thanks");
    }

    [Fact]
    public async Task The_IIT_form_with_a_slip_code_submits_without_JavaScript()
    {
        var page = await NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync($"{Server.StaffRound.IitPath}?k={Server.TakeAccessCode()}");
        await Questionnaire.AnswerEverythingAsync(page);
        await Artifacts.ScreenshotAsync(page, "3-no-javascript-iit-form", fullPage: true);
        await Questionnaire.Submit(page).ClickAsync();
        await Questionnaire.ExpectThanksAsync(page);
    }
}
