using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Responding;

public static class RespondingSetup
{
    public const string SubmissionPolicy = "submissions";

    public static WebApplicationBuilder AddResponding(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RespondingOptions>()
            .Bind(builder.Configuration.GetSection(RespondingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<WindowRankingOptions>()
            .Bind(builder.Configuration.GetSection(WindowRankingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<WindowRankingService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WindowRankingService>());
        builder.Services.AddLocalization();
        // Thai unless the respondent chose English with ?lang=en (kept in the form's action).
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture("th").AddSupportedCultures("th", "en").AddSupportedUICultures("th", "en");
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" }];
        });
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SubmissionKeys>();
        builder.Services.AddSingleton<SurveyLinks>();
        builder.Services.AddSingleton<ResponseStore>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ResponseStore>());

        // Per-client limit on submissions, keyed by address in memory only.
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(SubmissionPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<RespondingOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SubmissionsPerMinutePerClient, Window = TimeSpan.FromMinutes(1) });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var english = context.HttpContext.Request.Query["lang"] == "en";
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(PublicText));
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await PublicPages.Message(StatusCodes.Status429TooManyRequests, english, text["TooManyTitle"], text["TooManyBody"], tone: "error")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapResponding(this IEndpointRouteBuilder app) => app.MapRespondingEndpoints();
}

/// <summary>Renders the respondent pages as whole documents with a status code.</summary>
public static class PublicPages
{
    public static RazorComponentResult<MessagePage> Message(int status, bool english, string title, string body,
        string? detail = null, string? backHref = null, string? backText = null, string tone = "info") =>
        new(new { Title = title, Body = body, Detail = detail, BackHref = backHref, BackText = backText, English = english, Tone = tone })
        {
            StatusCode = status,
        };
}
