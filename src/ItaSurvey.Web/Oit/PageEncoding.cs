using System.Text;
using System.Text.RegularExpressions;

namespace ItaSurvey.Web.Oit;

/// <summary>
/// Which character set a page's bytes are in, as a browser decides (a byte-order mark, then the
/// Content-Type charset, then an HTML page's own &lt;meta charset&gt; in its first 1,024 bytes), with
/// Thai's legacy sets read as Windows-874 (a superset of TIS-620 and ISO-8859-11). A page that
/// declares nothing is UTF-8, unless its bytes are not valid UTF-8: older Thai sites that declare
/// nothing are in TIS-620, so those are read as Windows-874.
/// </summary>
public static partial class PageEncoding
{
    // Made first, registering the code-page encodings (System.Text.Encoding.CodePages) every other name may need.
    private static readonly Encoding Thai = ThaiEncoding();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> body, string? headerCharset, bool html)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(body[3..]);
        }
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (body[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(body[2..]);
        }
        var declared = Named(headerCharset) ?? (html ? Named(MetaCharset(body)) : null);
        if (declared is not null)
        {
            return declared.GetString(body);
        }
        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Thai.GetString(body);
        }
    }

    /// <summary>The encoding a charset label names, or null when there is none or it is unknown (then the page is read as undeclared).</summary>
    internal static Encoding? Named(string? label)
    {
        var name = label?.Trim().Trim('"', '\'').ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        if (name is "tis-620" or "tis620" or "iso-8859-11" or "iso8859-11" or "windows-874" or "x-windows-874" or "cp874" or "dos-874")
        {
            return Thai;
        }
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding ThaiEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(874);
    }

    /// <summary>The charset an HTML page declares in a meta element of its first 1,024 bytes, read as ASCII.</summary>
    public static string? MetaCharset(ReadOnlySpan<byte> body)
    {
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 1024)]);
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    // <meta charset="tis-620"> and <meta http-equiv="Content-Type" content="text/html; charset=windows-874">.
    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*(?<charset>[A-Za-z0-9_.:\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharsetPattern();
}
