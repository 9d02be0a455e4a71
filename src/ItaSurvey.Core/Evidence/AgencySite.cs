namespace ItaSurvey.Core.Evidence;

/// <summary>Whether an address is on the agency's own web site, given the domains it names as its own.</summary>
public static class AgencySite
{
    /// <summary>
    /// True when the host is one of the domains or under one ("www.khlongwan.go.th" is under
    /// "khlongwan.go.th"); null when the agency named no domains, so nothing can be said.
    /// </summary>
    public static bool? IsOn(Uri? url, IReadOnlyCollection<string> domains)
    {
        if (domains.Count == 0 || url is null)
        {
            return null;
        }
        var host = url.IdnHost.TrimEnd('.').ToLowerInvariant();
        return domains.Select(Normalize).Any(d => d.Length > 0 && (host == d || host.EndsWith("." + d, StringComparison.Ordinal)));
    }

    /// <summary>
    /// A domain as stored: lower case, without scheme, path, port, "www." or a trailing dot;
    /// empty when what was typed is not a host name.
    /// </summary>
    public static string Normalize(string domain)
    {
        var value = domain.Trim().ToLowerInvariant();
        if (value.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            value = uri.IdnHost;
        }
        value = value.Split('/', 2)[0].Split(':', 2)[0].TrimEnd('.');
        if (value.StartsWith("www.", StringComparison.Ordinal))
        {
            value = value[4..];
        }
        try
        {
            value = new System.Globalization.IdnMapping().GetAscii(value); // เทศบาล.ไทย is compared as the host's punycode
        }
        catch (ArgumentException)
        {
            return "";
        }
        return Uri.CheckHostName(value) == UriHostNameType.Dns && value.Contains('.', StringComparison.Ordinal) ? value : "";
    }
}
