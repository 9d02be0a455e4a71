using System.Net;
using System.Text.Json;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

public class OpenApiTests
{
    [Fact]
    public async Task The_OpenAPI_document_describes_every_API_path_and_nothing_else()
    {
        await using var app = new SurveyApp();

        var response = await app.NewBrowser().GetAsync("/api/v1/openapi.json", Cancel);

        var document = await response.JsonAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "/api/v1/agencies", "/api/v1/agencies/{id}", "/api/v1/agencies/{id}/rounds", "/api/v1/rounds/{id}",
            "/api/v1/rounds/{id}/access-codes", "/api/v1/rounds/{id}/export/responses.csv", "/api/v1/rounds/{id}/export/responses.xlsx",
            "/api/v1/rounds/{id}/export/results.csv", "/api/v1/rounds/{id}/export/results.xlsx", "/api/v1/rounds/{id}/responses/count",
            "/api/v1/rounds/{id}/results",
        ], paths);
        var createAgency = document.GetProperty("paths").GetProperty("/api/v1/agencies").GetProperty("post");
        Assert.Equal("CreateAgency", createAgency.GetProperty("operationId").GetString());
        Assert.True(createAgency.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Equal(["201", "400", "401", "403", "409", "415", "429"], createAgency.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiToken").GetProperty("scheme").GetString());
    }
}
