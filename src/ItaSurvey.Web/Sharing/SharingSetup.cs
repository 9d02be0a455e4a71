using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Sharing;

/// <summary>Getting respondents in: QR codes, the share page, posters and single-use slips.</summary>
public static class SharingSetup
{
    public static WebApplicationBuilder AddSharing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiteOptions>, SiteOptionsValidation>();
        builder.Services.AddSingleton<ShareableRounds>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder app) => app.MapSharingEndpoints();
}
