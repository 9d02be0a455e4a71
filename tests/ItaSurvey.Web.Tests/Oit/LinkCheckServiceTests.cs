using System.Diagnostics;
using ItaSurvey.Web.Oit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ItaSurvey.Web.Tests.Oit;

/// <summary>The periodic pass, driven by the app's fake clock: each wait moves it on by one 10-minute interval.</summary>
public class LinkCheckServiceTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_background_pass_checks_new_urls_and_checks_them_again_only_once_the_recheck_age_has_passed()
    {
        await using var site = await LoopbackSite.StartAsync();
        await using var app = new LinkCheckApp(background: true);
        await app.RoundWithUrlsAsync(site.Url("/ok"));
        var url = site.Url("/ok");

        var first = await WaitForAsync(app, url, u => u.LastCheckedAt is not null);
        var second = await WaitForAsync(app, url, u => u.LastCheckedAt > first.LastCheckedAt);

        Assert.Equal(200, first.LastStatus);
        Assert.Equal(200, second.LastStatus);
        Assert.InRange(second.LastCheckedAt!.Value - first.LastCheckedAt!.Value, TimeSpan.FromHours(24), TimeSpan.FromHours(24) + 2 * Interval);
        Assert.Equal(2, site.Requests.Count);
    }

    [Fact]
    public async Task Stopping_the_app_ends_a_check_in_progress_promptly_and_records_nothing_for_it()
    {
        await using var site = await LoopbackSite.StartAsync();
        await using var app = new LinkCheckApp(background: true, timeout: "00:01:00");
        await app.RoundWithUrlsAsync(site.Url("/slow"));
        await WaitUntilAsync(app, () => Task.FromResult(site.Requests.Any(r => r.Contains("/slow", StringComparison.Ordinal))));
        var service = app.Factory.Services.GetServices<IHostedService>().OfType<LinkCheckService>().Single();

        var stopwatch = Stopwatch.StartNew();
        await service.StopAsync(Cancel);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopwatch.Elapsed}");
        Assert.Null((await app.UrlsAsync())[site.Url("/slow")].LastCheckedAt);
    }

    private static async Task<OitEvidenceUrl> WaitForAsync(LinkCheckApp app, string url, Func<OitEvidenceUrl, bool> done)
    {
        OitEvidenceUrl? row = null;
        await WaitUntilAsync(app, async () => done(row = (await app.UrlsAsync())[url]));
        return row!;
    }

    private static async Task WaitUntilAsync(LinkCheckApp app, Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "timed out waiting for the background link check");
            app.Clock.Advance(Interval);
            await Task.Delay(20, Cancel);
        }
    }
}
