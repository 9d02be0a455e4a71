using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ItaSurvey.Web.Tests.Attacks;

/// <summary>
/// Hostile posts to the public forms, class by class. Every one gets a 4xx whose page speaks
/// Thai, and the database is checked after each: nothing stored.
/// </summary>
public sealed partial class PublicFormAttackTests(PublicFormWorld world) : IClassFixture<PublicFormWorld>
{
    private SurveyApp App => world.App;
    private TestRound Round => world.Round;
    private TestRound OtherRound => world.OtherRound;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>One change to an otherwise complete form: (class, instrument, how the fields change).</summary>
    public static TheoryData<string, string, string> FieldAttacks()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var instrument in new[] { "eit", "iit" })
        {
            var field = instrument == "eit" ? "E2" : "I1.1";
            data.Add("missing field", instrument, $"drop:{field}");
            data.Add("missing screening answer", instrument, instrument == "eit" ? "drop:_capacity" : "drop:_service");
            foreach (var level in new[] { "9", "4", "-1", "01", "1.0", " 1", "1 ", "+1", "1e0", "0x1", "١", "๑", "", "มาก", "1;DROP TABLE Responses" })
            {
                data.Add("out-of-range or non-canonical level", instrument, $"set:{field}={level}");
            }
            data.Add("duplicated field", instrument, $"add:{field}=0");
            data.Add("duplicated field", instrument, $"add:{field}=1");
            data.Add("unknown field", instrument, "add:Z99=1");
            data.Add("unknown field", instrument, "add:__proto__=1");
            data.Add("field of the other instrument", instrument, instrument == "eit" ? "add:I1.1=1" : "add:E2=1");
            data.Add("duplicated reserved field", instrument, "add:_key=again");
            data.Add("forged antiforgery token", instrument, "set:__RequestVerificationToken=CfDJ8forged");
            data.Add("missing antiforgery token", instrument, "drop:__RequestVerificationToken");
            data.Add("forged submission key", instrument, "set:_key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            data.Add("missing submission key", instrument, "drop:_key");
        }
        data.Add("unknown capacity", "eit", "set:_capacity=minister");
        data.Add("unconfirmed service", "iit", "set:_service=0");
        return data;
    }

    [Theory]
    [MemberData(nameof(FieldAttacks))]
    public async Task A_tampered_field_gets_a_Thai_4xx_and_stores_nothing(string attackClass, string instrument, string change)
    {
        var browser = App.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/{instrument}/{Code(instrument)}");
        var fields = form.Complete();
        var (op, rest) = (change[..4], change[5..]);
        var (name, value) = rest.Contains('=') ? (rest[..rest.IndexOf('=')], rest[(rest.IndexOf('=') + 1)..]) : (rest, "");
        if (op is "drop" or "set:")
        {
            fields.RemoveAll(f => f.Key == name);
        }
        if (op is "set:" or "add:")
        {
            fields.Add(KeyValuePair.Create(name, value));
        }

        await AssertRefusedAsync(attackClass, await browser.PostAsync(form.Action, new FormUrlEncodedContent(fields), Cancel));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/octet-stream")]
    [InlineData("")]
    public async Task A_body_of_another_content_type_gets_a_Thai_4xx_and_stores_nothing(string contentType)
    {
        var browser = App.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{Round.EitCode}");
        var body = await new FormUrlEncodedContent(form.Complete()).ReadAsByteArrayAsync(Cancel);
        var content = new ByteArrayContent(body);
        if (contentType.Length > 0)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        await AssertRefusedAsync("wrong content type", await browser.PostAsync(form.Action, content, Cancel));
    }

    [Fact]
    public async Task A_multipart_post_carrying_a_file_gets_a_Thai_4xx_and_stores_nothing()
    {
        var browser = App.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{Round.EitCode}");
        using var multipart = new MultipartFormDataContent();
        foreach (var (key, value) in form.Complete())
        {
            multipart.Add(new StringContent(value), key);
        }
        multipart.Add(new ByteArrayContent(new byte[50_000]), "upload", "evil.exe");

        await AssertRefusedAsync("wrong content type", await browser.PostAsync(form.Action, multipart, Cancel));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public async Task A_body_of_megabytes_gets_a_Thai_413_and_stores_nothing(int megabytes)
    {
        var browser = App.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{Round.EitCode}");
        var body = new StringBuilder(await new FormUrlEncodedContent(form.Complete()).ReadAsStringAsync(Cancel));
        body.Append("&padding=").Append('x', megabytes * 1024 * 1024);

        var response = await browser.PostAsync(form.Action, new StringContent(body.ToString(), Encoding.ASCII, "application/x-www-form-urlencoded"), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertRefusedAsync("huge body", response);
    }

    [Theory]
    [InlineData("value")]
    [InlineData("name")]
    [InlineData("percent-encoded")]
    public async Task Invalid_UTF8_gets_a_Thai_4xx_and_stores_nothing(string where)
    {
        var browser = App.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{Round.EitCode}");
        var body = new List<byte>(await new FormUrlEncodedContent(form.Complete()).ReadAsByteArrayAsync(Cancel));
        byte[] bad = where switch
        {
            "value" => [.. "&E2="u8, 0xC3, 0x28],
            "name" => [.. "&"u8, 0xFF, 0xFE, .. "=1"u8],
            _ => [.. "&E2=%C3%28%FF"u8],
        };
        body.AddRange(bad);
        var content = new ByteArrayContent([.. body]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");

        await AssertRefusedAsync("invalid UTF-8", await browser.PostAsync(form.Action, content, Cancel));
    }

    [Fact]
    public async Task Wrong_and_foreign_round_codes_get_a_Thai_4xx_and_store_nothing()
    {
        var browser = App.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{Round.EitCode}");
        var fields = form.Complete();

        foreach (var target in new[] { "/go/eit/ZZZZZZ", "/go/eit/" + Round.EitCode.ToLowerInvariant() + "x", $"/go/eit/{OtherRound.EitCode}", $"/go/iit/{Round.EitCode}", $"/go/iit/{Round.IitCode}" })
        {
            await AssertRefusedAsync("wrong or foreign round code", await browser.PostAsync(target, new FormUrlEncodedContent(fields), Cancel));
        }
    }

    private string Code(string instrument) => instrument == "eit" ? Round.EitCode : Round.IitCode;

    private async Task AssertRefusedAsync(string attackClass, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(Cancel);
        var stored = (await App.StoredResponsesAsync()).Count;
        AttackLedger.Record(attackClass, status is < 400 or >= 500, stored > 0);
        Assert.True(status is >= 400 and < 500, $"{attackClass}: answered {status}");
        Assert.Matches(ThaiText(), body);
        Assert.Equal(0, stored);
    }

    [GeneratedRegex("[\u0E01-\u0E5B]{4,}")]
    internal static partial Regex ThaiText();
}

/// <summary>One app for every refused attack: none of them may store anything, so they can share it.</summary>
public sealed class PublicFormWorld : IAsyncLifetime
{
    private readonly SurveyApp _app = new() { SubmissionsPerMinute = 100_000 };
    private readonly DeferredSkip _setUp = new();
    private TestRound? _round, _otherRound;

    public SurveyApp App => _setUp.Ready(_app);

    public TestRound Round => _setUp.Ready(_round!);

    public TestRound OtherRound => _setUp.Ready(_otherRound!);

    public ValueTask InitializeAsync() => _setUp.RunAsync(async () =>
    {
        _round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink);
        _otherRound = await _app.CreateRoundAsync(Rounds.IitMode.SingleUseCodes, agencyName: "เทศบาลตำบลอื่น");
    });

    public async ValueTask DisposeAsync()
    {
        AttackLedger.Write();
        await _app.DisposeAsync();
    }
}
