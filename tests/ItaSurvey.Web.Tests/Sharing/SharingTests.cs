using System.Net;
using System.Text.RegularExpressions;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Sharing;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace ItaSurvey.Web.Tests.Sharing;

public class SharingTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new() { SubmissionsPerMinute = 1000 };
    private TestRound _round = null!;

    public async ValueTask InitializeAsync() => _round = await _app.CreateRoundAsync(Rounds.IitMode.SingleUseCodes);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string EitUrl => $"{SurveyApp.PublicBaseUrl}/go/eit/{_round.EitCode}";

    [Theory]
    [InlineData(256)]
    [InlineData(512)]
    [InlineData(1024)]
    public async Task Each_PNG_size_decodes_to_exactly_the_public_link_on_the_configured_host(int size)
    {
        var png = await _app.NewBrowser().GetByteArrayAsync($"/go/eit/{_round.EitCode}/qr.png?size={size}", Cancel);

        Assert.Equal(EitUrl, QrDecoding.FromPng(png));
    }

    [Fact]
    public async Task The_SVG_decodes_to_exactly_the_public_link()
    {
        var response = await _app.NewBrowser().GetAsync($"/go/iit/{_round.IitCode}/qr.svg", Cancel);

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{SurveyApp.PublicBaseUrl}/go/iit/{_round.IitCode}", QrDecoding.FromSvg(await response.Content.ReadAsStringAsync(Cancel)));
    }

    [Fact]
    public async Task QR_images_of_unknown_links_are_not_found_and_odd_sizes_are_refused()
    {
        var browser = _app.NewBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/go/eit/ZZZZZZ/qr.png", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync($"/go/eit/{_round.EitCode}/qr.png?size=99999", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_poster_PDF_is_one_A4_page_with_the_typed_link_and_a_QR_code_of_it()
    {
        var browser = await SignedInAdminAsync();

        var pdf = await browser.GetByteArrayAsync($"/admin/rounds/{_round.Id}/poster-eit.pdf", Cancel);

        using var document = PdfDocument.Open(pdf);
        var page = Assert.Single(document.GetPages());
        Assert.Equal(595, page.Width, 0);
        Assert.Contains(EitUrl, page.Text, StringComparison.Ordinal);
        AssertQrCodesInPdf(pdf, [EitUrl]);
    }

    [Fact]
    public async Task Twenty_three_slips_fill_three_pages_each_with_its_own_code_that_works_once_and_only_once()
    {
        var browser = await SignedInAdminAsync();
        var page = await browser.GetStringAsync($"/admin/rounds/{_round.Id}/share", Cancel);
        var token = Regex.Match(page, @"name=""__RequestVerificationToken"" value=""([^""]+)""").Groups[1].Value;

        var response = await browser.PostAsync($"/admin/rounds/{_round.Id}/slips", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["count"] = "23",
        }), Cancel);

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Cancel);
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(3, document.NumberOfPages);
        var codes = document.GetPages().SelectMany(p => Regex.Matches(p.Text, "[2-9A-Z]{5}-[2-9A-Z]{5}").Select(m => m.Value.Replace("-", "", StringComparison.Ordinal))).ToList();
        Assert.Equal(23, codes.Distinct().Count());
        AssertQrCodesInPdf(pdf, codes.Select(c => $"{SurveyApp.PublicBaseUrl}/go/iit/{_round.IitCode}?k={c}"));

        foreach (var code in codes.Take(3))
        {
            var respondent = _app.NewBrowser();
            var form = await RenderedForm.LoadAsync(respondent, $"/go/iit/{_round.IitCode}?k={code}");
            var first = await respondent.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel);
            var again = await _app.NewBrowser().GetAsync($"/go/iit/{_round.IitCode}?k={code}", Cancel);
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        Assert.Equal(3, (await _app.StoredResponsesAsync()).Count);
    }

    [Fact]
    public async Task The_share_page_offers_every_download_and_a_website_snippet_with_alt_text()
    {
        var html = await (await SignedInAdminAsync()).GetStringAsync($"/admin/rounds/{_round.Id}/share", Cancel);

        Assert.Contains($"/go/eit/{_round.EitCode}/qr.png?size=1024", html, StringComparison.Ordinal);
        Assert.Contains($"/go/eit/{_round.EitCode}/qr.svg", html, StringComparison.Ordinal);
        Assert.Contains($"/admin/rounds/{_round.Id}/poster-eit.pdf", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode($"<a href=\"{EitUrl}\"><img src=\"{EitUrl}/qr.png?size=256\""), html, StringComparison.Ordinal);
        Assert.Contains("alt=&quot;สแกน QR code เพื่อตอบ", html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> HostileNames => new()
    {
        { "\"><img src=x onerror=alert(1)>", "IIT" },
        { "\"><img src=x onerror=alert(1)>", "EIT" },
        { "เทศบาล' onmouseover='alert(1)", "IIT" },
        { "เทศบาล\" onload=\"alert(1)", "EIT" },
        { "</textarea><script>alert(1)</script>", "EIT" },
        { "&quot; onerror=alert(1) x=&quot;", "IIT" },
    };

    /// <summary>Issue 18, item 1: the snippet pasted into an agency's own website must never carry markup from the agency's name.</summary>
    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task The_website_snippet_keeps_a_hostile_agency_name_as_alt_text(string name, string instrument)
    {
        var admin = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Rounds.RoundAdmin>(_app.Services);
        var agency = await admin.CreateAgencyAsync(new Agencies.Agency { NameTh = name, Province = "ตราด", AgencyGroup = "tambon-municipality-s", StaffHeadcount = 30 }, Cancel);
        var round = await admin.CreateRoundAsync(agency.Id, 2566, new DateOnly(2023, 4, 1), new DateOnly(2023, 6, 30), Rounds.IitMode.OpenLink, Cancel);
        var code = round.Links.Single(l => l.Instrument == instrument).Code;
        var url = $"{SurveyApp.PublicBaseUrl}/go/{instrument.ToLowerInvariant()}/{code}";

        var html = await (await SignedInAdminAsync()).GetStringAsync($"/admin/rounds/{round.Id}/share", Cancel);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var snippet = page.QuerySelector($"textarea#snippet-{instrument}")!.TextContent;
        var pasted = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<!doctype html><html><head></head><body>{snippet}</body></html>");

        var elements = pasted.Body!.QuerySelectorAll("*").ToList();
        Assert.Equal(["A", "IMG"], elements.Select(e => e.TagName));
        Assert.Single(pasted.QuerySelectorAll("a"));
        Assert.Single(pasted.QuerySelectorAll("img"));
        Assert.Empty(pasted.QuerySelectorAll("script"));
        Assert.DoesNotContain(pasted.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(url, elements[0].GetAttribute("href"));
        Assert.Equal($"{url}/qr.png?size=256", elements[1].GetAttribute("src"));
        Assert.EndsWith("ของ" + name, elements[1].GetAttribute("alt"), StringComparison.Ordinal);
        // The share page itself shows the name as text too.
        Assert.Empty(page.QuerySelectorAll("img[onerror], [onmouseover], [onload], main script"));
    }

    [Fact]
    public async Task An_agency_admin_of_another_agency_gets_nothing_of_this_round()
    {
        var other = await _app.CreateRoundAsync();
        var (email, password) = await _app.CreateUserAsync(Roles.AgencyAdmin, other.AgencyId);
        var browser = await _app.SignedInBrowserAsync(email, password);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/rounds/{_round.Id}/poster-eit.pdf", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/rounds/{_round.Id}/slips.pdf", Cancel)).StatusCode);
        var answer = await browser.GetAsync($"/admin/rounds/{_round.Id}/share", Cancel);
        var share = await answer.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("ไม่พบข้อมูลที่ต้องการ", share, StringComparison.Ordinal);
        Assert.DoesNotContain(_round.EitCode, share, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://ita.example.test")]
    [InlineData("http://ita.example.test")] // https is required outside development
    public void An_invalid_public_base_URL_stops_the_start(string value)
    {
        using var app = new SurveyApp().WithWebHostBuilder(b => b.UseSetting("PublicBaseUrl", value));

        var error = Record.Exception(() => app.CreateClient());

        // The start fails. Which exception reaches the test is up to the test host: its deferred
        // host sometimes reports the disposed provider of the failed start instead of the cause.
        Assert.NotNull(error);
        if (error is OptionsValidationException validation)
        {
            Assert.Contains("PublicBaseUrl", validation.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.IsType<ObjectDisposedException>(error);
        }
        // The cause, asked directly of the app's own validators (same environment as the failed start).
        using var valid = new SurveyApp();
        var validators = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetServices<IValidateOptions<SiteOptions>>(valid.Services);
        var failures = validators.Select(v => v.Validate(Options.DefaultName, new SiteOptions { PublicBaseUrl = value }))
            .Where(r => r.Failed).SelectMany(r => r.Failures ?? []).ToList();
        Assert.Contains(failures, f => f.Contains("PublicBaseUrl", StringComparison.Ordinal));
    }

    private static void AssertQrCodesInPdf(byte[] pdf, IEnumerable<string> expected)
    {
        var decoded = QrDecoding.FromPdf(pdf);
        if (decoded is null)
        {
            // CI installs the tools and sets ITASURVEY_REQUIRE_TOOLS so that a missing one fails instead of skipping.
            Assert.False(Environment.GetEnvironmentVariable("ITASURVEY_REQUIRE_TOOLS") == "1", "pdftoppm is required here but missing.");
            Assert.Skip("pdftoppm (Debian package poppler-utils) is not installed, so the PDF's QR codes could not be rendered and decoded; .ci/run installs it.");
        }
        Assert.Equal(expected.Order(), decoded.Order());
    }

    private async Task<HttpClient> SignedInAdminAsync()
    {
        var (email, password) = await _app.CreateUserAsync(Roles.SystemAdmin);
        return await _app.SignedInBrowserAsync(email, password);
    }
}
