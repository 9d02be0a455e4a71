using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.PublicIta;

/// <summary>The agency's public ITA page: its reader, the round page's switches, and its public endpoints.</summary>
public static class PublicItaSetup
{
    public const string RatePolicy = "public-ita";

    public static WebApplicationBuilder AddPublicIta(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicItaOptions>()
            .Bind(builder.Configuration.GetSection(PublicItaOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PublicItaPages>();
        builder.Services.AddScoped<PublicItaAdmin>();
        // Per client address, in memory only; the 429 page is the respondent pages' (RespondingSetup).
        builder.Services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(RatePolicy, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<PublicItaOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinutePerClient, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return builder;
    }

    public static IEndpointRouteBuilder MapPublicIta(this IEndpointRouteBuilder app) => app.MapPublicItaEndpoints();
}
