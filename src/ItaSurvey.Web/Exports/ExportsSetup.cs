using ItaSurvey.Web.Api;

namespace ItaSurvey.Web.Exports;

/// <summary>A round's responses and results as CSV or XLSX: downloads for the admin pages and the API.</summary>
public static class ExportsSetup
{
    public static WebApplicationBuilder AddExports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResponseRows>();
        builder.Services.AddSingleton<ResponseExports>();
        builder.Services.AddScoped<RoundExports>();
        return builder;
    }

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapExportDownloads();
        app.MapApiGroup().MapExportsApi();
        return app;
    }
}
