using ItaSurvey.Web.Api;

namespace ItaSurvey.Web.Agencies;

/// <summary>The agencies an office oversees: the directory behind the admin pages and the API.</summary>
public static class AgenciesSetup
{
    public static WebApplicationBuilder AddAgencies(this WebApplicationBuilder builder)
    {
        // Scoped: it asks the (scoped) agency access service for each user.
        builder.Services.AddScoped<AgencyDirectory>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAgencies(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup().MapAgenciesApi();
        return app;
    }
}
