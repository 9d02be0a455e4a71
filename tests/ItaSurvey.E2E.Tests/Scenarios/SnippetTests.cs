using ItaSurvey.E2E.Tests.Infrastructure;

namespace ItaSurvey.E2E.Tests.Scenarios;

/// <summary>
/// Issue 18, item 1: the HTML snippet of the share page, pasted into an agency's own website,
/// runs no script even when the agency's name is hostile.
/// </summary>
public sealed class SnippetTests(AppServer server, BrowserFixture browsers) : BrowserTest(server, browsers)
{
    private const string Pwned = "() => window.__pwned ?? null";

    [Theory]
    [InlineData("IIT")]
    [InlineData("EIT")]
    public async Task The_snippet_of_an_agency_with_a_hostile_name_runs_no_script_on_the_agencys_site(string instrument)
    {
        var admin = await NewPageAsync();
        await SignInAsync(admin);
        await admin.GotoAsync($"/admin/rounds/{Server.HostileRound.Id}/share");
        var snippet = await admin.Locator($"#snippet-{instrument}").InputValueAsync();
        Assert.Null(await admin.EvaluateAsync<int?>(Pwned)); // nor on the share page itself

        // The agency's web page, with the snippet pasted as the share page gives it.
        var site = await NewPageAsync();
        await site.SetContentAsync(
            $"<!doctype html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>เว็บไซต์หน่วยงาน</title></head><body><main>{snippet}</main></body></html>");
        // Wait until every image has loaded or failed: a failed one is when an injected onerror would run.
        await site.EvaluateAsync(@"() => Promise.all([...document.images].map(i => i.complete ? null
            : new Promise(done => { i.addEventListener('load', done); i.addEventListener('error', done); })))");

        Assert.Null(await site.EvaluateAsync<int?>(Pwned));
        Assert.Equal(1, await site.Locator("img").CountAsync());
        Assert.Equal(1, await site.Locator("a").CountAsync());
        Assert.Equal(0, await site.Locator("[onerror], [onload], [onmouseover], script").CountAsync());
        Assert.EndsWith("ของ" + AppServer.HostileAgency, await site.Locator("a > img").GetAttributeAsync("alt"), StringComparison.Ordinal);
        Assert.EndsWith(instrument == "IIT" ? Server.HostileRound.IitPath : Server.HostileRound.EitPath,
            await site.Locator("a").GetAttributeAsync("href"), StringComparison.Ordinal);
    }
}
