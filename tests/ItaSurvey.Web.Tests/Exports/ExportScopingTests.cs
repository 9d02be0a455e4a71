using System.Net;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Tests.Api;
using static ItaSurvey.Web.Tests.TwoAgencyWorld;

namespace ItaSurvey.Web.Tests.Exports;

/// <summary>Every export answers only for a round in the caller's scope.</summary>
public sealed class ExportScopingTests : IAsyncLifetime
{
    private static readonly string[] Files = ["responses.csv?instrument=EIT", "responses.xlsx", "results.csv", "results.xlsx"];

    private readonly ExportWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Another_agencys_round_is_not_found_on_every_admin_export_like_a_missing_one()
    {
        await _world.StoreAsync("EIT", 5, (_, _) => 1, roundId: _world.Other.Id);
        var ours = await _world.BrowserAsync(Roles.AgencyAdmin);

        foreach (var file in Files)
        {
            var theirs = await ours.GetAsync($"/admin/rounds/{_world.Other.Id}/export/{file}", Cancel);
            var missing = await ours.GetAsync($"/admin/rounds/9999/export/{file}", Cancel);
            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (theirs.StatusCode, missing.StatusCode));
            Assert.Equal(await missing.Content.ReadAsStringAsync(Cancel), await theirs.Content.ReadAsStringAsync(Cancel));
        }
        var theirAdmin = await _world.TheirBrowserAsync();
        Assert.Equal(HttpStatusCode.OK, (await theirAdmin.GetAsync($"/admin/rounds/{_world.Other.Id}/export/results.csv", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Another_agencys_round_is_a_404_problem_on_every_API_export()
    {
        var ours = await _world.App.ApiUserAsync(Roles.AgencyAdmin, _world.Ours.AgencyId);

        foreach (var file in Files)
        {
            var detail = await (await ours.Client.GetAsync($"/api/v1/rounds/{_world.Other.Id}/export/{file}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal($"There is no round {_world.Other.Id} that you may see.", detail);
        }
    }

    [Fact]
    public async Task Without_signing_in_the_admin_exports_send_to_the_login_page_and_the_API_answers_401()
    {
        var anonymous = _world.App.NewBrowser();

        foreach (var file in Files)
        {
            var admin = await anonymous.GetAsync($"/admin/rounds/{_world.Ours.Id}/export/{file}", Cancel);
            Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
            var location = admin.Headers.Location!;
            Assert.StartsWith("/admin/login", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/rounds/{_world.Ours.Id}/export/{file}", Cancel)).StatusCode);
        }
    }
}
