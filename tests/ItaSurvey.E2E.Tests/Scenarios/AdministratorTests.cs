using System.Text;
using System.Text.Json;
using ItaSurvey.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>
/// Issue 8, scenario 4, as far as the app goes today: sign in, see the new responses counted and
/// scored on the round page, download the CSV export. The dashboard with its charts comes later.
/// </summary>
public sealed class AdministratorTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    private const int Respondents = 5;

    [Fact]
    public async Task An_administrator_sees_new_responses_counted_and_scored_and_downloads_the_export()
    {
        var round = Server.AdminRound;
        var respondent = await NewPageAsync();
        // Five of each: below five respondents an instrument's scores are withheld for privacy.
        foreach (var path in new[] { round.EitPath, round.IitPath })
        {
            for (var i = 0; i < Respondents; i++)
            {
                await respondent.GotoAsync(path);
                await Questionnaire.AnswerEverythingAsync(respondent);
                await Questionnaire.Submit(respondent).ClickAsync();
                await Questionnaire.ExpectThanksAsync(respondent);
            }
        }

        var admin = await NewPageAsync();
        await SignInAsync(admin);
        await OpenInteractiveAsync(admin, $"/admin/rounds/{round.Id}", admin.GetByRole(AriaRole.Heading, new() { Name = "คะแนนขณะนี้" }));
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("รอบการประเมินปีงบประมาณ พ.ศ. 2566");
        using var results = JsonDocument.Parse(await (await admin.APIRequest.GetAsync($"/api/v1/rounds/{round.Id}/results")).TextAsync());
        foreach (var instrument in new[] { "IIT", "EIT" })
        {
            await Expect(Card(admin, ".card.sample", instrument).Locator("strong.big")).ToHaveTextAsync(Respondents.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var shown = results.RootElement.GetProperty("instruments").EnumerateArray()
                .Single(i => i.GetProperty("code").GetString() == instrument).GetProperty("score").GetProperty("display").GetString();
            Assert.Matches(@"^\d{1,3}\.\d\d$", shown);
            await Expect(Card(admin, ".card.score", instrument).Locator("p.big")).ToHaveTextAsync(shown!);
        }
        await Artifacts.ScreenshotAsync(admin, "4-admin-round", fullPage: true);

        // The export, downloaded by the signed-in browser (the dashboard will offer a link to it).
        var download = await admin.RunAndWaitForDownloadAsync(async () =>
        {
            try
            {
                await admin.GotoAsync($"/api/v1/rounds/{round.Id}/export/responses.csv?instrument=EIT");
            }
            catch (PlaywrightException e) when (e.Message.Contains("Download is starting"))
            {
                // A navigation that becomes a download ends this way.
            }
        });
        Assert.Equal($"round-{round.Id}-2566-eit-responses.csv", download.SuggestedFilename);
        var saved = Path.Combine(Artifacts.Folder, "4-admin-export-eit.csv");
        await download.SaveAsAsync(saved);
        Artifacts.Print(saved);
        var bytes = await File.ReadAllBytesAsync(saved, TestContext.Current.CancellationToken);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("instrument,submittedOn,respondentGroup,", lines[0]);
        Assert.Equal(Respondents, lines.Length - 1);
        Assert.All(lines[1..], line => Assert.StartsWith("EIT,", line));
        Assert.All(lines[1..], line => Assert.Contains(",citizen,", line, StringComparison.Ordinal));
    }

    private static ILocator Card(IPage page, string card, string instrument) =>
        page.Locator(card).Filter(new() { Has = page.Locator(".tag", new() { HasTextString = instrument }) });
}
