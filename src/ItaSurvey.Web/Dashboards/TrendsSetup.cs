namespace ItaSurvey.Web.Dashboards;

/// <summary>Year-over-year trends, the cross-agency view and the score snapshots behind it.</summary>
public static class TrendsSetup
{
    public static WebApplicationBuilder AddTrends(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SnapshotOptions>()
            .Bind(builder.Configuration.GetSection(SnapshotOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SnapshotRefresher>();
        builder.Services.AddHostedService<SnapshotService>();
        // Scoped: they ask the (scoped) agency access service for each user.
        builder.Services.AddScoped<AgencyTrends>();
        builder.Services.AddScoped<AgencyOverview>();
        builder.Services.AddSingleton<OverviewYearCache>();
        return builder;
    }
}
