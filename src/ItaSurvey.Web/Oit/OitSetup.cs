namespace ItaSurvey.Web.Oit;

public static class OitSetup
{
    /// <summary>OIT checklist services and the background link check.</summary>
    public static WebApplicationBuilder AddOit(this WebApplicationBuilder builder) => builder;
}
