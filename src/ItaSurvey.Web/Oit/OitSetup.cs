using ItaSurvey.Web.Api;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Oit;

public static class OitSetup
{
    /// <summary>OIT checklist services and the background link check.</summary>
    public static WebApplicationBuilder AddOit(this WebApplicationBuilder builder)
    {
        var environment = builder.Environment;
        builder.Services.AddOptions<LinkCheckOptions>()
            .Bind(builder.Configuration.GetSection(LinkCheckOptions.Section))
            .ValidateDataAnnotations()
            // A production server that reaches its own network from an agency's URL is the hole the
            // guard exists to close, so a stray setting stops the start rather than open it.
            .Validate(o => !o.AllowPrivateNetworks || LinkCheckOptions.MayReachPrivateNetworks(environment),
                $"{LinkCheckOptions.Section}:AllowPrivateNetworks may be true only in the Development or {LinkCheckOptions.TestingEnvironment} environment "
                + $"(this is '{environment.EnvironmentName}'): elsewhere an evidence URL could make the server probe its own network.")
            .ValidateOnStart();
        builder.Services.AddHttpClient(OitLinkChecker.ClientName, (services, client) =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd("ItaSurvey-LinkCheck/1.0");
                client.DefaultRequestHeaders.Accept.ParseAdd("text/html, application/pdf;q=0.9, text/plain;q=0.8, */*;q=0.1");
                client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("th, en;q=0.5");
                // The checker's own per-URL timeout comes first; this is only a backstop.
                client.Timeout = Settings(services).Timeout + TimeSpan.FromSeconds(1);
            })
            .ConfigurePrimaryHttpMessageHandler(services => LinkCheckConnector.Handler(Settings(services)))
            .RemoveAllLoggers(); // the checker logs failures itself; a line per request would flood the log
        // Scoped: it asks the (scoped) agency access service for each user.
        builder.Services.AddScoped<OitChecklist>();
        builder.Services.AddSingleton<EvidenceFetcher>();
        builder.Services.AddSingleton<OitLinkChecker>();
        builder.Services.AddHostedService<LinkCheckService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOit(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup().MapOitApi();
        return app;
    }

    private static LinkCheckOptions Settings(IServiceProvider services) => services.GetRequiredService<IOptions<LinkCheckOptions>>().Value;
}
