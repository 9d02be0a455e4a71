using System.Text;
using Microsoft.Net.Http.Headers;

namespace ItaSurvey.Web.Charts;

/// <summary>
/// A chart as a PNG download. Admin data: Cache-Control private, no-store, so neither a shared
/// proxy nor the browser's disk keeps it.
/// </summary>
public sealed class ChartPng(byte[] png, string fileName) : IResult
{
    /// <summary>The chart at twice its laid-out size, or at <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static ChartPng Of(RenderedChart chart, string fileName, int? width = null, int? height = null) =>
        new(width is { } w && height is { } h ? chart.Png(w, h) : chart.Png(), FileName(fileName));

    /// <summary>"ita-2566-indicators.png" from "ita 2566 indicators": letters (Thai too), digits and dashes.</summary>
    public static string FileName(string name)
    {
        var stem = new StringBuilder();
        var trimmed = name.Trim();
        if (trimmed.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^4];
        }
        foreach (var c in trimmed)
        {
            stem.Append(char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark ? c : '-');
        }
        var cleaned = string.Join('-', stem.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return (cleaned.Length == 0 ? "chart" : cleaned) + ".png";
    }

    public byte[] Bytes => png;

    public string Name => fileName;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "image/png";
        response.ContentLength = png.Length;
        response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName); // ASCII fallback plus filename* for Thai names
        response.Headers.ContentDisposition = disposition.ToString();
        await response.Body.WriteAsync(png, httpContext.RequestAborted);
    }
}
