using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

public partial class OpenApiTests
{
    [Fact]
    public async Task The_OpenAPI_document_describes_every_API_path_and_nothing_else()
    {
        await using var app = new SurveyApp();

        var document = await DocumentAsync(app);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "/api/v1/agencies", "/api/v1/agencies/{id}", "/api/v1/agencies/{id}/rounds", "/api/v1/fiscal-years", "/api/v1/fiscal-years/{id}",
            "/api/v1/fiscal-years/{id}/files", "/api/v1/fiscal-years/{id}/publish", "/api/v1/rounds/{id}",
            "/api/v1/rounds/{id}/access-codes", "/api/v1/rounds/{id}/export/responses.csv", "/api/v1/rounds/{id}/export/responses.xlsx",
            "/api/v1/rounds/{id}/export/results.csv", "/api/v1/rounds/{id}/export/results.xlsx", "/api/v1/rounds/{id}/oit",
            "/api/v1/rounds/{id}/oit/{code}", "/api/v1/rounds/{id}/quality", "/api/v1/rounds/{id}/report", "/api/v1/rounds/{id}/report/items/{itemId}",
            "/api/v1/rounds/{id}/responses/count", "/api/v1/rounds/{id}/results", "/api/v1/rounds/{id}/version", "/api/v1/tokens", "/api/v1/tokens/{tokenId}",
            "/api/v1/users", "/api/v1/users/{userId}", "/api/v1/users/{userId}/lock",
        ], paths);
        var createAgency = document.GetProperty("paths").GetProperty("/api/v1/agencies").GetProperty("post");
        Assert.Equal("CreateAgency", createAgency.GetProperty("operationId").GetString());
        Assert.True(createAgency.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Equal(["201", "400", "401", "403", "409", "415", "429"], createAgency.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiToken").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Every_endpoint_the_app_maps_under_api_v1_is_documented_with_a_summary_and_examples()
    {
        await using var app = new SurveyApp();
        var document = await DocumentAsync(app);
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .Where(e => e.RoutePattern.RawText is not ("/api/v1/openapi.json" or "/api/v1/{**path}")) // the document itself; the JSON not-found
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["(any)"])
                .Select(method => (Method: method.ToLowerInvariant(), Path: Constraint().Replace(e.RoutePattern.RawText!, "{$1}").TrimEnd('/'))))
            .ToList();

        Assert.True(mapped.Count >= 25, $"only {mapped.Count} endpoints found");
        var paths = document.GetProperty("paths");
        foreach (var (method, path) in mapped)
        {
            var operation = default(JsonElement);
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out operation), $"{method} {path} is not in the OpenAPI document");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()), $"{method} {path} has no operationId");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("429", out _), $"{method} {path} does not document 401 and 429");
            if (operation.TryGetProperty("requestBody", out var body))
            {
                Assert.True(body.GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _), $"{method} {path} has no request example");
            }
            foreach (var response in responses.EnumerateObject())
            {
                foreach (var content in response.Value.TryGetProperty("content", out var c) ? c.EnumerateObject() : Enumerable.Empty<JsonProperty>())
                {
                    Assert.True(!content.Name.EndsWith("json", StringComparison.Ordinal) || content.Value.TryGetProperty("example", out _),
                        $"{method} {path} answers {response.Name} {content.Name} without an example");
                }
            }
        }
    }

    [Fact]
    public async Task The_examples_show_problems_in_English_and_Thai()
    {
        await using var app = new SurveyApp();
        var document = await DocumentAsync(app);

        var patch = document.GetProperty("paths").GetProperty("/api/v1/rounds/{id}/oit").GetProperty("patch");
        var invalid = patch.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
        var request = patch.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");

        var stale = document.GetProperty("paths").GetProperty("/api/v1/rounds/{id}/report/items/{itemId}").GetProperty("put")
            .GetProperty("responses").GetProperty("409").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
        var forbidden = patch.GetProperty("responses").GetProperty("403").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");

        Assert.True(stale.TryGetProperty("currentVersion", out _));
        Assert.Equal(403, forbidden.GetProperty("status").GetInt32());
        Assert.True(forbidden.TryGetProperty("detailTh", out _));
        Assert.True(invalid.TryGetProperty("errorsTh", out _));
        Assert.True(invalid.TryGetProperty("detailTh", out _));
        Assert.Equal("O4", request.GetProperty("items")[0].GetProperty("code").GetString());
        var read = document.GetProperty("paths").GetProperty("/api/v1/rounds/{id}/oit").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("example");
        var evidence = read.GetProperty("items")[0].GetProperty("urls")[0].GetProperty("evidence");
        Assert.Equal(("checkYear", "ตรวจสอบปี"), (evidence.GetProperty("verdict").GetString(), evidence.GetProperty("verdictTh").GetString()));
    }

    private static async Task<JsonElement> DocumentAsync(SurveyApp app) =>
        await (await app.NewBrowser().GetAsync("/api/v1/openapi.json", Cancel)).JsonAsync(HttpStatusCode.OK);

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]+)\}")]
    private static partial Regex Constraint();

    [Fact]
    public async Task The_document_is_the_same_every_time_it_is_asked_for()
    {
        await using var app = new SurveyApp();
        var client = app.NewBrowser();

        var first = await client.GetStringAsync("/api/v1/openapi.json", Cancel);
        var second = await client.GetAsync("/api/v1/openapi.json", Cancel);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first, await second.Content.ReadAsStringAsync(Cancel));
    }
}
