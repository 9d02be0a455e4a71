using ItaSurvey.Core.Loading;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Web.Surveys;

public static class SurveysSetup
{
    /// <summary>
    /// Loads and validates every fiscal year's definitions while the app is being built, so an
    /// invalid file stops the start with the same messages that <c>validate</c> prints.
    /// </summary>
    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SurveyOptions.Section).Get<SurveyOptions>() ?? new SurveyOptions();
        builder.Services.AddSingleton(SurveyLoader.LoadCatalog(options.ResolvedPath));
        builder.Services.AddSingleton<QuestionnaireCache>();
        return builder;
    }

    /// <summary>The fiscal years the app can run, newest first.</summary>
    public static IEnumerable<SurveyYear> NewestFirst(this SurveyCatalog catalog) =>
        catalog.Years.OrderByDescending(y => y.FiscalYear);
}
