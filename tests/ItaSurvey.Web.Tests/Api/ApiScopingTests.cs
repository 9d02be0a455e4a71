using System.Net;
using System.Net.Http.Json;
using ItaSurvey.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

/// <summary>Two agencies; an administrator of the first must not reach the second by changing an id.</summary>
public class ApiScopingTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();
    private TestRound _mine = null!;
    private TestRound _theirs = null!;
    private int _myAgency;
    private int _theirAgency;

    public async ValueTask InitializeAsync()
    {
        _mine = await _app.CreateRoundAsync();
        _theirs = await _app.CreateRoundAsync();
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<Data.ItaDbContext>>().CreateDbContextAsync(Cancel);
        _myAgency = await db.Rounds.Where(r => r.Id == _mine.Id).Select(r => r.AgencyId).SingleAsync(Cancel);
        _theirAgency = await db.Rounds.Where(r => r.Id == _theirs.Id).Select(r => r.AgencyId).SingleAsync(Cancel);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_agency_administrator_lists_only_their_own_agency()
    {
        var admin = await _app.ApiUserAsync(Roles.AgencyAdmin, _myAgency);

        var agencies = await (await admin.Client.GetAsync("/api/v1/agencies", Cancel)).JsonAsync();

        Assert.Equal([_myAgency], agencies.EnumerateArray().Select(a => a.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Every_read_of_another_agency_answers_404_exactly_as_for_an_id_that_does_not_exist()
    {
        var admin = await _app.ApiUserAsync(Roles.AgencyAdmin, _myAgency);
        string[] reads =
        [
            "/api/v1/agencies/{0}", "/api/v1/agencies/{0}/rounds",
        ];
        string[] roundReads =
        [
            "/api/v1/rounds/{0}", "/api/v1/rounds/{0}/responses/count", "/api/v1/rounds/{0}/results",
            "/api/v1/rounds/{0}/export/responses.csv?instrument=IIT",
        ];

        foreach (var (urls, other, missing) in new[] { (reads, _theirAgency, 999), (roundReads, _theirs.Id, 999) })
        {
            foreach (var url in urls)
            {
                var theirs = await admin.Client.GetAsync(string.Format(url, other), Cancel);
                var none = await admin.Client.GetAsync(string.Format(url, missing), Cancel);
                Assert.Equal((await theirs.ProblemAsync(HttpStatusCode.NotFound)).Replace(other.ToString(), "#"),
                    (await none.ProblemAsync(HttpStatusCode.NotFound)).Replace("999", "#"));
            }
        }
    }

    [Fact]
    public async Task Every_change_to_another_agency_answers_404_and_changes_nothing()
    {
        var admin = await _app.ApiUserAsync(Roles.AgencyAdmin, _myAgency);

        var update = await admin.Client.PutAsJsonAsync($"/api/v1/agencies/{_theirAgency}", Agency(), Cancel);
        var round = await admin.Client.PostJsonAsync($"/api/v1/agencies/{_theirAgency}/rounds",
            new { fiscalYear = 2565, opensOn = "2022-04-01", closesOn = "2022-06-30", iitMode = "openLink" });
        var codes = await admin.Client.PostJsonAsync($"/api/v1/rounds/{_theirs.Id}/access-codes", new { count = 5 });

        await update.ProblemAsync(HttpStatusCode.NotFound);
        await round.ProblemAsync(HttpStatusCode.NotFound);
        await codes.ProblemAsync(HttpStatusCode.NotFound);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<Data.ItaDbContext>>().CreateDbContextAsync(Cancel);
        Assert.Equal("เทศบาลตำบลคลองวาฬ", (await db.Agencies.FindAsync([_theirAgency], Cancel))!.NameTh);
        Assert.False(await db.Rounds.AnyAsync(r => r.AgencyId == _theirAgency && r.FiscalYear == 2565, Cancel));
        Assert.False(await db.AccessCodes.AnyAsync(c => c.RoundId == _theirs.Id, Cancel));
    }

    [Fact]
    public async Task An_agency_administrator_runs_their_own_agency_but_may_not_create_agencies()
    {
        var admin = await _app.ApiUserAsync(Roles.AgencyAdmin, _myAgency);

        var update = await admin.Client.PutAsJsonAsync($"/api/v1/agencies/{_myAgency}", Agency(headcount: 95), Cancel);
        var round = await admin.Client.PostJsonAsync($"/api/v1/agencies/{_myAgency}/rounds",
            new { fiscalYear = 2565, opensOn = "2022-04-01", closesOn = "2022-06-30", iitMode = "openLink" });
        var codes = await admin.Client.PostJsonAsync($"/api/v1/rounds/{_mine.Id}/access-codes", new { count = 2 });
        var create = await admin.Client.PostJsonAsync("/api/v1/agencies", Agency());

        Assert.Equal(95, (await update.JsonAsync()).GetProperty("staffHeadcount").GetInt32());
        Assert.Equal(2565, (await round.JsonAsync(HttpStatusCode.Created)).GetProperty("fiscalYear").GetInt32());
        Assert.Equal(2, (await codes.JsonAsync()).GetProperty("codes").GetArrayLength());
        Assert.Contains("system administrators", await create.ProblemAsync(HttpStatusCode.Forbidden), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_reads_their_agency_but_every_change_is_a_403()
    {
        var viewer = await _app.ApiUserAsync(Roles.Viewer, _myAgency);

        var read = await viewer.Client.GetAsync($"/api/v1/rounds/{_mine.Id}/results", Cancel);
        var update = await viewer.Client.PutAsJsonAsync($"/api/v1/agencies/{_myAgency}", Agency(), Cancel);
        var round = await viewer.Client.PostJsonAsync($"/api/v1/agencies/{_myAgency}/rounds",
            new { fiscalYear = 2565, opensOn = "2022-04-01", closesOn = "2022-06-30", iitMode = "openLink" });
        var codes = await viewer.Client.PostJsonAsync($"/api/v1/rounds/{_mine.Id}/access-codes", new { count = 5 });
        var create = await viewer.Client.PostJsonAsync("/api/v1/agencies", Agency());

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        foreach (var refused in new[] { update, round, codes, create })
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_system_administrator_sees_and_reaches_every_agency()
    {
        var admin = await _app.ApiUserAsync(Roles.SystemAdmin);

        var agencies = await (await admin.Client.GetAsync("/api/v1/agencies", Cancel)).JsonAsync();
        var theirs = await admin.Client.GetAsync($"/api/v1/rounds/{_theirs.Id}/results", Cancel);

        Assert.Equal([_myAgency, _theirAgency], agencies.EnumerateArray().Select(a => a.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
    }
}
