using ItaSurvey.Web.Api;

namespace ItaSurvey.Web.Rounds;

/// <summary>Assessment rounds: creating and editing them, their progress and access codes.</summary>
public static class RoundsSetup
{
    public static WebApplicationBuilder AddRounds(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RoundAdmin>();
        // Scoped: it asks the (scoped) agency access service for each user.
        builder.Services.AddScoped<RoundOverview>();
        builder.Services.AddScoped<RoundVersions>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRounds(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup().MapRoundsApi();
        return app;
    }
}
