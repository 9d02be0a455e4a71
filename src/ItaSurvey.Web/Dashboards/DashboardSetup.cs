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
        builder.Services.AddSingleton<RoundResults>();
        builder.AddTrends();
        return builder;
    }
}
