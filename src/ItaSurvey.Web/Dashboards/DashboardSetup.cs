using ItaSurvey.Web.Api;

namespace ItaSurvey.Web.Dashboards;

/// <summary>A round's dashboard: intervals, alpha, year-over-year tests, and its charts.</summary>
public static class DashboardSetup
{
    public static WebApplicationBuilder AddDashboards(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>()
            .Bind(builder.Configuration.GetSection(DashboardOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<RoundDashboards>();
        builder.Services.AddScoped<RoundQualities>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDashboards(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup().MapQualityApi();
        return app.MapDashboardCharts().MapQualityCharts();
    }
}
