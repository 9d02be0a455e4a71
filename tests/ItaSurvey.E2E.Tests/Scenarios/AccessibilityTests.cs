using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ItaSurvey.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>Issue 8, scenario 5 (with <see cref="KeyboardTests"/>): axe-core finds nothing serious on the pages people use.</summary>
public sealed class AccessibilityTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    // Found by these tests and reported, waiting for the app's fix. The test fails once one of
    // them is gone, so that its line is removed here and the check is whole again.
    private static readonly (string Screen, string Rule, string Target)[] Known =
    [
    ];

    [Theory]
    [InlineData("eit-form")]
    [InlineData("eit-form-missing-answers")]
    [InlineData("iit-code-entry")]
    [InlineData("iit-form")]
    [InlineData("thanks")]
    [InlineData("login")]
    [InlineData("admin-round")]
    [InlineData("admin-dashboard")]
    public async Task Axe_finds_no_serious_or_critical_violation_on(string screen)
    {
        var page = await NewPageAsync();
        var round = Server.StaffRound;
        switch (screen)
        {
            case "eit-form":
                await page.GotoAsync(round.EitPath);
                break;
            case "eit-form-missing-answers":
                // Past the browser's own check of required fields, as an old browser would send it.
                await page.GotoAsync(round.EitPath);
                await page.Locator("form.survey").EvaluateAsync("f => f.noValidate = true");
                await Questionnaire.Submit(page).ClickAsync();
                await page.Locator(".error-summary").WaitForAsync();
                break;
            case "iit-code-entry":
                await page.GotoAsync(round.IitPath);
                break;
            case "iit-form":
                await page.GotoAsync($"{round.IitPath}?k={Server.TakeAccessCode()}");
                break;
            case "thanks":
                await page.GotoAsync($"{round.EitPath}/thanks");
                break;
            case "login":
                await page.GotoAsync("/admin/login");
                break;
            case "admin-dashboard":
                await SignInAsync(page);
                await OpenInteractiveAsync(page, $"/admin/rounds/{round.Id}/dashboard", page.GetByRole(AriaRole.Heading, new() { Name = "คะแนนรายตัวชี้วัด" }));
                break;
            default:
                await SignInAsync(page);
                await OpenInteractiveAsync(page, $"/admin/rounds/{round.Id}", page.GetByRole(AriaRole.Heading, new() { Name = "คะแนนขณะนี้" }));
                break;
        }

        var result = await page.RunAxe();
        var report = Path.Combine(Artifacts.Folder, $"5-axe-{screen}.txt");
        await File.WriteAllLinesAsync(report, result.Violations.SelectMany(Describe).DefaultIfEmpty("no violations"), TestContext.Current.CancellationToken);
        Artifacts.Print(report);
        var found = result.Violations.Where(v => Blocking.Contains(v.Impact))
            .SelectMany(v => v.Nodes.Select(node => (Violation: v, Node: node, Target: string.Join(" ", node.Target)))).ToList();
        var known = Known.Where(k => k.Screen == screen).ToList();
        var unexpected = found.Where(f => !known.Any(k => k.Rule == f.Violation.Id && k.Target == f.Target)).ToList();
        Assert.True(unexpected.Count == 0, string.Join('\n', unexpected.Select(f => Describe(f.Violation, f.Node))));
        var fixedSince = known.Where(k => !found.Any(f => k.Rule == f.Violation.Id && k.Target == f.Target)).ToList();
        Assert.True(fixedSince.Count == 0, $"Fixed: {string.Join(", ", fixedSince)}. Remove it from Known in {nameof(AccessibilityTests)}.");
    }

    private static IEnumerable<string> Describe(AxeResultItem violation) => violation.Nodes.Select(node => Describe(violation, node));

    private static string Describe(AxeResultItem violation, AxeResultNode node) =>
        $"{violation.Impact} {violation.Id}: {violation.Help} — {string.Join(" ", node.Target)} — {node.Html} — "
        + string.Join(" ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message));
}
