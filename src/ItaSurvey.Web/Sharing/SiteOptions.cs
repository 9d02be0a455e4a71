using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Sharing;

/// <summary>Where respondents reach the app: every QR code, poster and slip points here.</summary>
public sealed class SiteOptions
{
    /// <summary>
    /// The public base URL, e.g. https://ita.example.go.th (the app may sit behind a reverse
    /// proxy, so the request's own host is not trusted for printed material).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    public Uri BaseUri => new(PublicBaseUrl.TrimEnd('/') + "/");

    /// <summary>The absolute URL of a path such as /go/eit/ABC123.</summary>
    public string Absolute(string path) => new Uri(BaseUri, path.TrimStart('/')).ToString();
}

/// <summary>Checked at start-up: an absolute URL, and https outside development.</summary>
internal sealed class SiteOptionsValidation(IHostEnvironment environment) : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options)
    {
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return ValidateOptionsResult.Fail($"PublicBaseUrl must be an absolute http(s) URL such as https://ita.example.go.th, not '{options.PublicBaseUrl}'.");
        }
        if (uri.Scheme != "https" && !environment.IsDevelopment())
        {
            return ValidateOptionsResult.Fail($"PublicBaseUrl must use https outside development: '{options.PublicBaseUrl}'.");
        }
        return !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            ? ValidateOptionsResult.Fail("PublicBaseUrl must not carry a query or fragment.")
            : ValidateOptionsResult.Success;
    }
}
