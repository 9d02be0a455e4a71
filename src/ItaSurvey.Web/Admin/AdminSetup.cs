namespace ItaSurvey.Web.Admin;

public static class AdminSetup
{
    /// <summary>Services of the admin pages.</summary>
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder) => builder;
}
