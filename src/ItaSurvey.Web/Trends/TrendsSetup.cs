namespace ItaSurvey.Web.Trends;

/// <summary>Year-over-year trends of one agency and the cross-agency overview, read from the score snapshots.</summary>
public static class TrendsSetup
{
    public static WebApplicationBuilder AddTrends(this WebApplicationBuilder builder)
    {
        // Scoped: they ask the (scoped) agency access service for each user.
        builder.Services.AddScoped<AgencyTrends>();
        builder.Services.AddScoped<AgencyOverview>();
        builder.Services.AddSingleton<OverviewYearCache>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTrends(this IEndpointRouteBuilder app) => app.MapTrendCharts();
}
