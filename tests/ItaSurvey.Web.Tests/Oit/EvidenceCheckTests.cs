using System.Diagnostics;
using ItaSurvey.Core.Evidence;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Tests.Oit;

/// <summary>
/// The link check reads each evidence URL of item O1 (2566: โครงสร้าง, แผนผัง, ตำแหน่ง) from a
/// local site and gives each the right verdict; hostile answers end within the time limit.
/// </summary>
public sealed class EvidenceCheckTests : IAsyncLifetime
{
    private readonly LinkCheckApp _app = new(timeout: "00:00:08");
    private EvidenceSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await EvidenceSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<Dictionary<string, Checked>> CheckAsync(params string[] paths)
    {
        var round = await _app.RoundWithUrlsAsync([.. paths.Select(_site.Url)]);
        await _app.Checker.CheckNowAsync(round, Cancel);
        var urls = await _app.UrlsAsync();
        return paths.ToDictionary(p => p, p => new Checked(urls[_site.Url(p)]));
    }

    [Fact]
    public async Task Thai_pages_and_PDFs_get_the_verdict_their_text_deserves()
    {
        var urls = await CheckAsync("/right.html", "/thai-digits.html", "/stale.html", "/other-item.html", "/right.pdf", "/thai-digits.pdf",
            "/stale.pdf", "/download", "/hop/3");

        Assert.Equal(EvidenceVerdict.LooksRight, urls["/right.html"].Verdict);
        Assert.Equal(EvidenceVerdict.LooksRight, urls["/thai-digits.html"].Verdict);
        Assert.Equal((EvidenceVerdict.CheckYear, EvidenceFinding.OnlyOlderYears), urls["/stale.html"].Pair);
        Assert.Equal((EvidenceVerdict.CheckContent, EvidenceFinding.WordsMissing), urls["/other-item.html"].Pair);
        Assert.Equal(EvidenceVerdict.LooksRight, urls["/right.pdf"].Verdict);
        Assert.Equal(EvidenceVerdict.LooksRight, urls["/thai-digits.pdf"].Verdict);
        Assert.Equal((EvidenceVerdict.CheckYear, EvidenceFinding.OnlyOlderYears), urls["/stale.pdf"].Pair);
        Assert.Equal((EvidenceVerdict.CheckContent, EvidenceFinding.WordsMissing), urls["/download"].Pair); // an octet stream read as the PDF it is
        Assert.Equal(EvidenceVerdict.LooksRight, urls["/hop/3"].Verdict); // three redirects followed
        Assert.All(urls.Values, u => Assert.False(string.IsNullOrWhiteSpace(u.Url.VerdictReason)));
        Assert.All(urls.Values, u => Assert.Null(u.Url.OnAgencySite)); // the agency named no domains
        Assert.Contains("2565", urls["/stale.pdf"].Url.VerdictReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_pages_soft_404s_scans_and_other_types_are_broken_or_unreadable()
    {
        var urls = await CheckAsync("/gone.html", "/soft-404-th.html", "/soft-404-en.html", "/scan.pdf", "/photo.png", "/hop/9");

        Assert.Equal((EvidenceVerdict.Broken, EvidenceFinding.HttpError), urls["/gone.html"].Pair);
        Assert.Equal((EvidenceVerdict.Broken, EvidenceFinding.SoftNotFound), urls["/soft-404-th.html"].Pair);
        Assert.Equal((EvidenceVerdict.Broken, EvidenceFinding.SoftNotFound), urls["/soft-404-en.html"].Pair);
        Assert.Equal(200, urls["/soft-404-th.html"].Url.LastStatus);
        Assert.Equal((EvidenceVerdict.Unreadable, EvidenceFinding.ScanOnly), urls["/scan.pdf"].Pair);
        Assert.Equal((EvidenceVerdict.Unreadable, EvidenceFinding.UnsupportedType), urls["/photo.png"].Pair);
        Assert.Equal((EvidenceVerdict.Broken, EvidenceFinding.Unreachable), urls["/hop/9"].Pair); // more than five redirects
    }

    [Fact]
    public async Task Thai_pages_in_tis_620_or_windows_874_are_decoded_from_the_header_the_meta_element_or_their_bytes()
    {
        var urls = await CheckAsync("/tis-620-header.html", "/windows-874-meta.html", "/tis-620-undeclared.html", "/tis-620-as-utf-8.html");

        Assert.Equal(EvidenceVerdict.LooksRight, urls["/tis-620-header.html"].Verdict);
        Assert.Equal(EvidenceVerdict.LooksRight, urls["/windows-874-meta.html"].Verdict);
        Assert.Equal(EvidenceVerdict.LooksRight, urls["/tis-620-undeclared.html"].Verdict);
        // Declared UTF-8, the Thai bytes are not: neither the year in Thai digits nor a word survives, as in a browser.
        Assert.Equal((EvidenceVerdict.CheckYear, EvidenceFinding.YearMissing), urls["/tis-620-as-utf-8.html"].Pair);
    }

    [Fact]
    public async Task Hostile_answers_are_cut_at_their_limits_and_nothing_hangs()
    {
        var clock = Stopwatch.StartNew();
        var urls = await CheckAsync("/huge.pdf", "/huge-chunked.pdf", "/bomb.pdf", "/never-ending.html", "/links.html", "/gzip-bomb.html");
        clock.Stop();

        Assert.Equal((EvidenceVerdict.Unreadable, EvidenceFinding.TooLarge), urls["/huge.pdf"].Pair);
        Assert.Equal((EvidenceVerdict.Unreadable, EvidenceFinding.TooLarge), urls["/huge-chunked.pdf"].Pair);
        Assert.Equal((EvidenceVerdict.Unreadable, EvidenceFinding.TooLarge), urls["/bomb.pdf"].Pair);
        Assert.Equal((EvidenceVerdict.Broken, EvidenceFinding.Unreachable), urls["/never-ending.html"].Pair);
        Assert.Equal("timeout", urls["/never-ending.html"].Url.LastError);
        Assert.Equal(EvidenceVerdict.LooksRight, urls["/links.html"].Verdict); // judged on its first megabyte
        Assert.Equal(EvidenceVerdict.LooksRight, urls["/gzip-bomb.html"].Verdict);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30)); // six URLs, four at a time, 8 s each at most
    }

    [Fact]
    public async Task Evidence_off_the_agencys_domains_is_shown_as_such()
    {
        var round = await _app.RoundWithUrlsAsync(_site.Url("/right.html"));
        await using (var db = await _app.NewDbAsync())
        {
            var agencyId = await db.Rounds.Where(r => r.Id == round).Select(r => r.AgencyId).SingleAsync(Cancel);
            await db.Agencies.Where(a => a.Id == agencyId).ExecuteUpdateAsync(s => s.SetProperty(a => a.WebDomains, "khlongwan.go.th"), Cancel);
        }

        await _app.Checker.CheckNowAsync(round, Cancel);

        var url = (await _app.UrlsAsync())[_site.Url("/right.html")];
        Assert.Equal(EvidenceVerdict.LooksRight, url.Verdict);
        Assert.False(url.OnAgencySite);
    }

    private sealed record Checked(ItaSurvey.Web.Oit.OitEvidenceUrl Url)
    {
        public EvidenceVerdict? Verdict => Url.Verdict;

        public (EvidenceVerdict?, EvidenceFinding?) Pair => (Url.Verdict, Url.VerdictFinding);
    }
}
