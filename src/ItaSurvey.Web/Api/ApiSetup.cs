using ItaSurvey.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace ItaSurvey.Web.Api;

public static class ApiSetup
{
    /// <summary>The authorization policy of every /api/v1 endpoint: a token or the admin cookie, and a role.</summary>
    public const string Policy = "api";

    /// <summary>Token authentication, rate limiting and OpenAPI for /api/v1.</summary>
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>()
            .Bind(builder.Configuration.GetSection(ApiOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Either scheme may authenticate; the token scheme comes last so that its challenge
        // writes the ProblemDetails body after the cookie has set the status code.
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiTokenHandler.SchemeName)
            .RequireRole(Roles.All));

        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, ApiRateLimit>(ApiRateLimit.Policy));
        builder.Services.AddSingleton<ApiTokens>();
        builder.Services.AddScoped<PersonalTokens>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(ApiDocument.Configure);
        return builder;
    }

    /// <summary>
    /// The /api/v1 group with the API's conventions (token or cookie, rate limit, problems in
    /// Thai and English). Each feature maps its own endpoints into a group made here.
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .RequireRateLimiting(ApiRateLimit.Policy)
            .AddEndpointFilter(ApiProblems.CatchUnexpected)
            .AddEndpointFilter(CookieAntiforgery.RequireForCookieWrites)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>The OpenAPI document and the answer for a path no feature maps.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/api/v1/openapi.json");

        var api = app.MapApiGroup();

        // Anything else under /api/v1 answers in JSON too, not with the HTML not-found page.
        api.Map("{**path}", (HttpRequest request) => ApiProblems.NotFound(new Core.Model.LocalizedText(
                $"ไม่มี endpoint ของ API ที่ตอบ {request.Method} {request.Path} (ดูรายการที่ /api/v1/openapi.json)",
                $"No API endpoint answers {request.Method} {request.Path}.")))
            .ExcludeFromDescription();
        return app;
    }
}
