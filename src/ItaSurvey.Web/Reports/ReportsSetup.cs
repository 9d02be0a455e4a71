using ItaSurvey.Web.Api;

namespace ItaSurvey.Web.Reports;

/// <summary>The improvement report that follows every assessment: drafted, edited, printed, downloaded.</summary>
public static class ReportsSetup
{
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ImprovementDrafts>();
        builder.Services.AddScoped<ImprovementReportViews>();
        builder.Services.AddScoped<ImprovementReports>();
        builder.Services.AddScoped<ImprovementAttachments>();
        return builder;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapImprovementReports();
        app.MapApiGroup().MapReportsApi();
        return app;
    }
}
