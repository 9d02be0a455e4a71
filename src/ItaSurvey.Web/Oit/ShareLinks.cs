using System.Text.RegularExpressions;

namespace ItaSurvey.Web.Oit;

/// <summary>
/// Google Docs and Drive share links, which open a viewer drawn by scripts, mapped to the public
/// export address of the same file, whose text can be read: a document as plain text, a sheet
/// as CSV, slides and Drive files as they were uploaded. A file not shared with "anyone with the
/// link" redirects to Google's sign-in, which the fetcher reports as such.
/// </summary>
public static partial class ShareLinks
{
    /// <summary>The address to read for <paramref name="url"/>: its export address when it is a Google share link, else itself.</summary>
    public static Uri Readable(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        if (host == "docs.google.com" && DocsPath().Match(url.AbsolutePath) is { Success: true } docs)
        {
            var id = docs.Groups["id"].Value;
            return docs.Groups["kind"].Value switch
            {
                "document" => new Uri($"https://docs.google.com/document/d/{id}/export?format=txt"),
                "spreadsheets" => new Uri($"https://docs.google.com/spreadsheets/d/{id}/export?format=csv"),
                _ => new Uri($"https://docs.google.com/presentation/d/{id}/export/pdf"),
            };
        }
        if (host == "drive.google.com" && DriveId(url) is { } file)
        {
            return new Uri($"https://drive.google.com/uc?export=download&id={file}");
        }
        return url;
    }

    /// <summary>True for Google's sign-in pages, where a share link not open to everyone leads.</summary>
    public static bool IsSignIn(Uri url) => url.Host.Equals("accounts.google.com", StringComparison.OrdinalIgnoreCase);

    private static string? DriveId(Uri url)
    {
        if (DrivePath().Match(url.AbsolutePath) is { Success: true } path)
        {
            return path.Groups["id"].Value;
        }
        if (url.AbsolutePath is "/open" or "/uc" && IdQuery().Match(url.Query) is { Success: true } query)
        {
            return query.Groups["id"].Value;
        }
        return null;
    }

    [GeneratedRegex(@"^/(?<kind>document|spreadsheets|presentation)/d/(?<id>[A-Za-z0-9_-]{10,})(/|$)")]
    private static partial Regex DocsPath();

    [GeneratedRegex(@"^/file/d/(?<id>[A-Za-z0-9_-]{10,})(/|$)")]
    private static partial Regex DrivePath();

    [GeneratedRegex(@"[?&]id=(?<id>[A-Za-z0-9_-]{10,})(&|$)")]
    private static partial Regex IdQuery();
}
