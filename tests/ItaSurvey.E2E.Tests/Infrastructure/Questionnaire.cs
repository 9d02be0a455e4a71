using Microsoft.Playwright;

namespace ItaSurvey.E2E.Tests.Infrastructure;

/// <summary>What a respondent does on the plain-HTML questionnaire: choose by clicking or tapping the labels.</summary>
internal static class Questionnaire
{
    public const string ThanksTitle = "ขอบคุณที่ร่วมตอบแบบวัด";

    public const string DuplicateTitle = "ได้รับคำตอบนี้แล้ว";

    public const string CodeUsed = "รหัสนี้ถูกใช้ตอบแบบวัดไปแล้ว";

    public static ILocator Submit(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "ส่งคำตอบ" });

    public static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>
    /// Answers every radio group of the form, the EIT screening question included (as a citizen),
    /// and ticks the IIT service confirmation. Returns how many groups were answered.
    /// </summary>
    public static async Task<int> AnswerEverythingAsync(IPage page, bool tap = false)
    {
        var groups = await page.Locator("form.survey .opts").AllAsync();
        for (var g = 0; g < groups.Count; g++)
        {
            var labels = groups[g].Locator("label.opt");
            var count = await labels.CountAsync();
            // The screening question's first option is "citizen"; its last would end the survey.
            var choice = g == 0 ? 0 : (g + 1) % count;
            await PressAsync(labels.Nth(choice), tap);
            Assert.True(await labels.Nth(choice).Locator("input").IsCheckedAsync(), $"group {g + 1}, option {choice + 1} was not chosen");
        }
        var service = page.Locator("label.opt:has(input[name=_service])");
        if (await service.CountAsync() == 1)
        {
            await PressAsync(service, tap);
            Assert.True(await service.Locator("input").IsCheckedAsync());
        }
        return groups.Count;
    }

    /// <summary>Waits for the thank-you page and checks its heading.</summary>
    public static async Task ExpectThanksAsync(IPage page)
    {
        // CI runs these beside the PostgreSQL suite on two cores: a commit can take a while there.
        await page.WaitForURLAsync("**/thanks", new() { Timeout = 45_000 });
        Assert.Equal(ThanksTitle, (await Heading(page).InnerTextAsync()).Trim());
    }

    private static Task PressAsync(ILocator label, bool tap) => tap ? label.TapAsync() : label.ClickAsync();
}
