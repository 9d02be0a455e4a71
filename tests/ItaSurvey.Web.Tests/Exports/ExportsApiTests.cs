using System.Net;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Tests.Api;
using static ItaSurvey.Web.Tests.TwoAgencyWorld;

namespace ItaSurvey.Web.Tests.Exports;

/// <summary>The same exports through /api/v1 with a personal token: problems in English, described in OpenAPI.</summary>
public sealed class ExportsApiTests : IAsyncLifetime
{
    private readonly ExportWorld _world = new();
    private ApiUser _viewer = null!;

    public async ValueTask InitializeAsync()
    {
        await _world.InitializeAsync();
        _viewer = await _world.App.ApiUserAsync(Roles.Viewer, _world.Ours.AgencyId);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Four_IIT_responses_are_a_409_problem_that_says_why()
    {
        await _world.StoreAsync("IIT", 4, (_, _) => 0);

        var response = await _viewer.Client.GetAsync($"/api/v1/rounds/{_world.Ours.Id}/export/responses.csv?instrument=IIT", Cancel);

        var detail = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("fewer than 5 responses", detail, StringComparison.Ordinal);
        Assert.Contains("IIT 4", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workbooks_download_with_a_token_and_are_not_cached()
    {
        await _world.StoreAsync("EIT", 5, (i, f) => (byte)((i + f) % 4));
        await _world.StoreAsync("EIT", 1, (_, _) => 0, formVersion: "0123456789abcdef");

        var responses = await _viewer.Client.GetAsync($"/api/v1/rounds/{_world.Ours.Id}/export/responses.xlsx", Cancel);
        var results = await _viewer.Client.GetAsync($"/api/v1/rounds/{_world.Ours.Id}/export/results.xlsx", Cancel);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (responses.StatusCode, results.StatusCode));
        Assert.Equal("1", responses.Headers.GetValues("X-Skipped-Responses").Single());
        Assert.Equal("no-store", responses.Headers.CacheControl!.ToString());
        Assert.Equal(6, Workbook.Read(await responses.Content.ReadAsByteArrayAsync(Cancel)).Sheets["EIT"].Count);
        Assert.Equal(5, Workbook.Read(await results.Content.ReadAsByteArrayAsync(Cancel)).SheetNames.Count);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_privacy_rule_and_its_409()
    {
        var document = await (await _world.App.NewBrowser().GetAsync("/api/v1/openapi.json", Cancel)).JsonAsync();

        var csv = document.GetProperty("paths").GetProperty("/api/v1/rounds/{id}/export/responses.csv").GetProperty("get");
        Assert.Contains("sorted by their answers", csv.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(csv.GetProperty("responses").TryGetProperty("409", out _));
        var xlsx = document.GetProperty("paths").GetProperty("/api/v1/rounds/{id}/export/responses.xlsx").GetProperty("get");
        Assert.True(xlsx.GetProperty("responses").GetProperty("200").GetProperty("content")
            .TryGetProperty("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out _));
    }
}
