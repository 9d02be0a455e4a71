namespace ItaSurvey.Web.Dashboards;

/// <summary>Results, dashboards, charts, the improvement report and exports.</summary>
public static class DashboardSetup
{
    public static WebApplicationBuilder AddDashboards(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>()
            .Bind(builder.Configuration.GetSection(DashboardOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<RoundResults>();
        builder.Services.AddScoped<RoundDashboards>();
        builder.Services.AddScoped<Reports.ImprovementReports>();
        builder.Services.AddSingleton(new Charts.ChartRenderer());
        builder.AddTrends();
        return builder;
    }
}
