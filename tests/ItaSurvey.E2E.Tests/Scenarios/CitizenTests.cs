using System.Text.Json;
using System.Text.RegularExpressions;
using ItaSurvey.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>
/// Issue 8, scenario 1: a citizen scans the agency's QR code and answers the EIT on a phone.
/// Only this class answers the citizen round, one test at a time, so its count moves by what each test sends.
/// </summary>
public sealed class CitizenTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
    };

    [Fact]
    public async Task A_citizen_scans_the_poster_QR_code_and_answers_the_EIT_on_a_phone()
    {
        var before = await CountEitAsync();
        var phone = await NewPageAsync(Phone);

        // The PNG an administrator downloads for the poster, read back by a decoder of its own.
        var qr = await phone.APIRequest.GetAsync($"{Server.CitizenRound.EitPath}/qr.png?size=512");
        Assert.Equal(200, qr.Status);
        var url = QrCodes.Decode(await qr.BodyAsync());
        Assert.Equal(new Uri(Server.Address, Server.CitizenRound.EitPath).ToString(), url);

        await phone.GotoAsync(url);
        var answered = await Questionnaire.AnswerEverythingAsync(phone, tap: true);
        Assert.True(answered > 10, $"only {answered} questions on the EIT form");
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the form is {width} px wide on a 390 px phone: it scrolls sideways");
        await phone.Locator("form.survey fieldset.q").Nth(1).ScrollIntoViewIfNeededAsync();
        await Artifacts.ScreenshotAsync(phone, "1-citizen-eit-phone");
        await Artifacts.ScreenshotAsync(phone, "1-citizen-eit-phone-full", fullPage: true);

        await Questionnaire.Submit(phone).TapAsync();
        await Questionnaire.ExpectThanksAsync(phone);
        await Artifacts.ScreenshotAsync(phone, "1-citizen-thanks-phone");
        Assert.Equal(before + 1, await CountEitAsync());
    }

    [Fact]
    public async Task A_double_tap_on_submit_over_a_slow_network_stores_one_response()
    {
        var before = await CountEitAsync();
        var phone = await NewPageAsync(Phone);
        await phone.GotoAsync(Server.CitizenRound.EitPath);
        await Questionnaire.AnswerEverythingAsync(phone, tap: true);

        // A slow mobile network keeps the form on screen after the first tap, so the second tap
        // sends it again. Every POST the browser makes reaches the server, even the one it then
        // abandons for the second.
        var sent = 0;
        await phone.RouteAsync("**/go/eit/*", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            Interlocked.Increment(ref sent);
            await Task.Delay(TimeSpan.FromSeconds(1));
            var response = await route.FetchAsync();
            try
            {
                await route.FulfillAsync(new() { Response = response });
            }
            catch (PlaywrightException)
            {
                // The browser had given up on this request.
            }
        });
        var submit = Questionnaire.Submit(phone);
        await submit.ScrollIntoViewIfNeededAsync();
        var box = await submit.BoundingBoxAsync() ?? throw new InvalidOperationException("the submit button has no box");
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        await phone.Touchscreen.TapAsync(x, y);
        await Task.Delay(150, TestContext.Current.CancellationToken); // a thumb's double tap
        await phone.Touchscreen.TapAsync(x, y);

        // The phone shows the answer to the second POST: "already received", or thanks if it came first.
        var answer = Questionnaire.Heading(phone).Filter(new() { HasTextRegex = new Regex($"{Questionnaire.ThanksTitle}|{Questionnaire.DuplicateTitle}") });
        await answer.WaitForAsync();
        await Artifacts.ScreenshotAsync(phone, "1-citizen-double-tap-phone");
        TestContext.Current.TestOutputHelper?.WriteLine($"double tap: {sent} POSTs reached the server; the phone shows '{(await answer.InnerTextAsync()).Trim()}'");
        Assert.Equal(2, sent);
        Assert.Equal(before + 1, await CountEitAsync());
    }

    private async Task<long> CountEitAsync()
    {
        var admin = await NewPageAsync();
        await SignInAsync(admin);
        var counted = await admin.APIRequest.GetAsync($"/api/v1/rounds/{Server.CitizenRound.Id}/responses/count");
        Assert.Equal(200, counted.Status);
        using var json = JsonDocument.Parse(await counted.TextAsync());
        return json.RootElement.GetProperty("eit").GetInt64();
    }
}
