using ItaSurvey.Web.Api;

namespace ItaSurvey.Web.ScoredResults;

/// <summary>
/// A round's answers scored by its year's rules, the one source every reader uses (dashboards,
/// exports, reports, the API, the demo), and the stored score snapshots behind trends.
/// </summary>
public static class ScoredResultsSetup
{
    public static WebApplicationBuilder AddScoredResults(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<RoundResults>();
        builder.Services.AddOptions<SnapshotOptions>()
            .Bind(builder.Configuration.GetSection(SnapshotOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SnapshotRefresher>();
        builder.Services.AddHostedService<SnapshotService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapScoredResults(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup().MapResultsApi();
        return app;
    }
}
