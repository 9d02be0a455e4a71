namespace ItaSurvey.Web.Charts;

/// <summary>Charts drawn on the server (SVG on pages, PNG for downloads), shared by dashboards, trends and reports.</summary>
public static class ChartsSetup
{
    public static WebApplicationBuilder AddCharts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new ChartRenderer());
        return builder;
    }
}
