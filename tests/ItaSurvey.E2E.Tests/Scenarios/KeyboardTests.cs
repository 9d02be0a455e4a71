using ItaSurvey.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>Issue 8, scenario 5 (with <see cref="AccessibilityTests"/>): the Likert grid answered with the keyboard alone.</summary>
public sealed class KeyboardTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    // Tabbing down the form, the sticky submit bar once covered the focused option of some
    // groups (WCAG 2.2, 2.4.11); app.css now keeps focus clear of it (scroll-padding-bottom).
    private const bool FocusHidesUnderTheSubmitBar = false;

    [Fact]
    public async Task The_Likert_grid_can_be_answered_and_sent_with_the_keyboard_alone()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Server.StaffRound.EitPath);
        var groups = await page.Locator("form.survey input[type=radio]").EvaluateAllAsync<int>("rs => new Set(rs.map(r => r.name)).size");

        // Tab past the header to the first radio group.
        for (var tabs = 0; tabs < 10 && (await FocusedAsync(page)).Type != "radio"; tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        var answered = new List<string>();
        var hidden = new List<string>();
        while (await FocusedAsync(page) is { Type: "radio" } radio)
        {
            // An arrow key moves to the group's next option and chooses it; Tab goes on to the next group.
            await page.Keyboard.PressAsync("ArrowDown");
            var chosen = await FocusedAsync(page);
            Assert.True(chosen.Checked && chosen.Name == radio.Name, $"ArrowDown did not choose an option of {radio.Name}");
            Assert.NotEqual("none", chosen.LabelOutline);
            if (answered.Count == 1)
            {
                await Artifacts.ScreenshotAsync(page, "5-keyboard-focus");
            }
            if (chosen.CoveredBySubmitBar >= 1)
            {
                if (hidden.Count == 0)
                {
                    await Artifacts.ScreenshotAsync(page, "5-keyboard-focus-hidden-by-submit-bar");
                }
                hidden.Add(chosen.Name);
            }
            answered.Add(chosen.Name);
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal(groups, answered.Distinct().Count());
        Assert.Equal("submit", (await FocusedAsync(page)).Type);
        await page.Keyboard.PressAsync("Enter");
        await Questionnaire.ExpectThanksAsync(page);

        TestContext.Current.TestOutputHelper?.WriteLine($"focused option hidden under the submit bar in: {string.Join(", ", hidden.DefaultIfEmpty("none"))}");
        Assert.True(FocusHidesUnderTheSubmitBar || hidden.Count == 0, $"The submit bar hides the focused option of {string.Join(", ", hidden)}.");
        Assert.True(!FocusHidesUnderTheSubmitBar || hidden.Count > 0, $"Fixed: set {nameof(FocusHidesUnderTheSubmitBar)} to false.");
    }

    /// <summary>The element with the keyboard focus, the outline its label shows, and how much of the label the submit bar covers.</summary>
    private static Task<Focused> FocusedAsync(IPage page) => page.EvaluateAsync<Focused>("""
        () => {
            const e = document.activeElement, label = e.closest('label'), bar = document.querySelector('.submit-bar');
            const a = (label ?? e).getBoundingClientRect(), b = bar.getBoundingClientRect();
            const overlap = Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
            return { type: e.type ?? '', name: e.name ?? '', checked: !!e.checked,
                     labelOutline: label ? getComputedStyle(label).outlineStyle : 'none',
                     coveredBySubmitBar: bar.contains(e) ? 0 : overlap / a.height };
        }
        """);

    private sealed class Focused
    {
        public string Type { get; set; } = "";

        public string Name { get; set; } = "";

        public bool Checked { get; set; }

        public string LabelOutline { get; set; } = "";

        public double CoveredBySubmitBar { get; set; }
    }
}
