using ItaSurvey.Core.Model;
using ItaSurvey.Web.Api;

namespace ItaSurvey.Web.Surveys;

public static class SurveysSetup
{
    /// <summary>
    /// Reads and checks the app's own <c>surveys/</c> while the app is being built (an invalid file
    /// stops the start with the messages <c>validate</c> prints), and registers the fiscal-year
    /// versions: the library of published versions, the start-up import that adds the folder's
    /// years to it, and the service that edits and publishes drafts. Call after the database.
    /// </summary>
    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SurveyOptions.Section).Get<SurveyOptions>() ?? new SurveyOptions();
        builder.Services.AddSingleton(SurveyFolder.Read(options.ResolvedPath));
        builder.Services.AddSingleton<SurveyLibrary>();
        builder.Services.AddSingleton<SurveyImport>();
        builder.Services.AddSingleton<SurveyVersions>();
        builder.Services.AddSingleton<VersionImpact>();
        builder.Services.AddHostedService<SurveyImportOnStart>();
        return builder;
    }

    /// <summary>
    /// Each request first looks (at most once a second, one read by key) whether another instance
    /// published a version, so every instance opens new rounds with it without a restart.
    /// </summary>
    public static WebApplication MapSurveys(this WebApplication app)
    {
        var library = app.Services.GetRequiredService<SurveyLibrary>();
        app.Use(async (context, next) =>
        {
            await library.RefreshIfDueAsync(context.RequestAborted);
            await next(context);
        });
        app.MapApiGroup().MapFiscalYearsApi();
        app.MapVersionPreview();
        return app;
    }

    /// <summary>The fiscal years the app can run, newest first.</summary>
    public static IEnumerable<SurveyYear> NewestFirst(this SurveyCatalog catalog) =>
        catalog.Years.OrderByDescending(y => y.FiscalYear);
}
