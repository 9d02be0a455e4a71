using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ItaSurvey.Web.Hosting;

/// <summary>What every feature relies on from the host: text encoding, the clock, health endpoints.</summary>
public static class HostingSetup
{
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        // Thai text goes out as UTF-8 rather than as &#x...; escapes: pages stay a third of the size.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.Thai, UnicodeRanges.GeneralPunctuation));
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Liveness answers while the process runs; readiness also reaches the database (checks tagged "ready").</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
