namespace ItaSurvey.Web.Auditing;

/// <summary>The audit log: every change an administrator makes, written and shown.</summary>
public static class AuditingSetup
{
    public static WebApplicationBuilder AddAuditing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddScoped<AuditTrail>();
        return builder;
    }
}
