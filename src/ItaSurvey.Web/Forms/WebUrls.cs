using System.Diagnostics.CodeAnalysis;

namespace ItaSurvey.Web.Forms;

/// <summary>
/// The one check of a URL that is stored to be shown as a link (OIT evidence, the improvement
/// report's evidence link): an absolute http or https address. Services refuse anything else
/// before storing it; pages ask <see cref="IsLink"/> again before rendering an href, so a value
/// stored before this check (or put in the database by hand) shows as text and is never a live
/// <c>javascript:</c>, <c>data:</c> or <c>vbscript:</c> link.
/// </summary>
public static class WebUrls
{
    public const int MaxLength = 2000;

    public const string NotWebMessage = "URL ต้องเป็นที่อยู่เต็มที่ขึ้นต้นด้วย https:// หรือ http://";

    /// <summary>Why a typed URL cannot be kept (in Thai), or null when it is a full http(s) address or blank (a blank one is dropped).</summary>
    public static string? Problem(string? text)
    {
        var url = text?.Trim() ?? "";
        if (url.Length == 0)
        {
            return null;
        }
        if (url.Length > MaxLength)
        {
            return $"URL ยาวได้ไม่เกิน {MaxLength:N0} ตัวอักษร";
        }
        return IsWeb(url) ? null : NotWebMessage;
    }

    /// <summary>True when the stored value may be an href: not blank and an absolute http(s) URL.</summary>
    public static bool IsLink([NotNullWhen(true)] string? text) => !string.IsNullOrWhiteSpace(text) && IsWeb(text.Trim());

    private static bool IsWeb(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;
}
