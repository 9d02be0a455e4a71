using System.Net;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

/// <summary>What an integrator does: create an agency and a round, get the links and codes, watch the count.</summary>
public class ApiWorkflowTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();
    private ApiUser _admin = null!;

    public async ValueTask InitializeAsync() => _admin = await _app.ApiUserAsync(Roles.SystemAdmin);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_agency_is_created_with_a_location_and_read_back_as_created()
    {
        var response = await _admin.Client.PostJsonAsync("/api/v1/agencies", Agency());

        var created = await response.JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/agencies/{id}", response.Headers.Location!.OriginalString);
        var read = await (await _admin.Client.GetAsync(response.Headers.Location, Cancel)).JsonAsync();
        Assert.Equal("เทศบาลตำบลบ่อนอก", read.GetProperty("nameTh").GetString());
        Assert.Equal("tambon-municipality-s", read.GetProperty("agencyGroup").GetString());
        Assert.Equal(60, read.GetProperty("staffHeadcount").GetInt32());
    }

    [Fact]
    public async Task A_round_comes_with_relative_and_absolute_public_links_that_open_the_forms()
    {
        var agency = (await (await _admin.Client.PostJsonAsync("/api/v1/agencies", Agency())).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

        var response = await _admin.Client.PostJsonAsync($"/api/v1/agencies/{agency}/rounds",
            new { fiscalYear = 2566, opensOn = "2023-04-01", closesOn = "2023-06-30", iitMode = "openLink" });

        var round = await response.JsonAsync(HttpStatusCode.Created);
        var id = round.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/rounds/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("2023-04-01", round.GetProperty("opensOn").GetString());
        Assert.Equal("openLink", round.GetProperty("iitMode").GetString());
        var links = round.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(["EIT", "IIT"], links.Select(l => l.GetProperty("instrument").GetString()));
        foreach (var link in links)
        {
            var path = link.GetProperty("path").GetString()!;
            Assert.Matches("^/go/(iit|eit)/[2-9A-Z]{6}$", path);
            Assert.Equal(SurveyApp.PublicBaseUrl + path, link.GetProperty("url").GetString()); // the configured public base URL, as on QR codes
            await RenderedForm.LoadAsync(_app.NewBrowser(), path);
        }
        var listed = await (await _admin.Client.GetAsync($"/api/v1/agencies/{agency}/rounds", Cancel)).JsonAsync();
        Assert.Equal([id], listed.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Single_use_codes_come_with_links_that_open_the_IIT_form()
    {
        var round = await _app.CreateRoundAsync();

        var response = await _admin.Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/access-codes", new { count = 3 });

        var codes = (await response.JsonAsync()).GetProperty("codes").EnumerateArray().ToList();
        Assert.Equal(3, codes.Count);
        var first = codes[0];
        var expected = new Uri($"{SurveyApp.PublicBaseUrl}/go/iit/{round.IitCode}?k={first.GetProperty("code").GetString()}");
        Assert.Equal(expected.ToString(), first.GetProperty("url").GetString());
        var form = await RenderedForm.LoadAsync(_app.NewBrowser(), expected.PathAndQuery);
        Assert.Equal(first.GetProperty("code").GetString(), form.Hidden["_code"]);
    }

    [Fact]
    public async Task Every_change_through_the_API_is_in_the_audit_log_with_its_agency()
    {
        var agency = (await (await _admin.Client.PostJsonAsync("/api/v1/agencies", Agency())).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await _admin.Client.PutAsync($"/api/v1/agencies/{agency}", System.Net.Http.Json.JsonContent.Create(Agency(headcount: 61)), Cancel);
        var round = (await (await _admin.Client.PostJsonAsync($"/api/v1/agencies/{agency}/rounds",
            new { fiscalYear = 2566, opensOn = "2023-04-01", closesOn = "2023-06-30", iitMode = "singleUseCodes" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await _admin.Client.PostJsonAsync($"/api/v1/rounds/{round}/access-codes", new { count = 2 });

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        var entries = await db.AuditEntries.Where(e => e.AgencyId == agency).OrderBy(e => e.Id).ToListAsync(Cancel);
        Assert.Equal(["agency.create", "agency.update", "round.create", "round.codes"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(_admin.Email, e.Actor));
        Assert.Contains("headcount=60 → ", entries[1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_response_count_follows_submissions_against_the_minimum_samples()
    {
        var round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink);
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{round.EitCode}");
        await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel);

        var count = await (await _admin.Client.GetAsync($"/api/v1/rounds/{round.Id}/responses/count", Cancel)).JsonAsync();

        Assert.Equal(0, count.GetProperty("iit").GetInt64());
        Assert.Equal(1, count.GetProperty("eit").GetInt64());
        Assert.True(count.GetProperty("iitMinimum").GetInt32() > 0);
        Assert.True(count.GetProperty("eitMinimum").GetInt32() > 0);
    }
}
