namespace ItaSurvey.Web.Admin;

public static class AdminSetup
{
    /// <summary>Services of the admin pages. Scoped: they ask the (scoped) agency access service for each user.</summary>
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AgencyDirectory>();
        builder.Services.AddScoped<RoundOverview>();
        builder.Services.AddScoped<OitChecklist>();
        builder.Services.AddScoped<UserDirectory>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<PersonalTokens>();
        return builder;
    }
}
