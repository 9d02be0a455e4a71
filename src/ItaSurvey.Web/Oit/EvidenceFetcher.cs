using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using ItaSurvey.Core.Evidence;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Oit;

/// <summary>What reading one evidence URL gave: the link check's status (or failure) and the fetched text to judge.</summary>
public sealed record EvidenceFetch(LinkCheckOutcome Link, FetchedEvidence Fetched);

/// <summary>
/// Reads one evidence URL with GET through the link check's guarded connection (public addresses
/// only, after DNS and on every redirect), following redirects itself. Every read is bounded: one
/// time limit for the whole URL, redirects, bytes read after HTTP decompression (a page's
/// beginning is kept, a longer document is refused), PDF pages and inflated streams, and the
/// characters of text kept.
/// </summary>
public sealed class EvidenceFetcher(IHttpClientFactory clients, IOptions<LinkCheckOptions> options)
{
    private LinkCheckOptions Limits => options.Value;

    public async Task<EvidenceFetch> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsWeb(uri))
        {
            return Failed(LinkCheckFailure.NotWebUrl, null);
        }
        // Real time, not the app's TimeProvider: this bounds network I/O and parsing.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limits.Timeout);
        try
        {
            return await GetAsync(clients.CreateClient(OitLinkChecker.ClientName), ShareLinks.Readable(uri), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(LinkCheckFailure.Timeout, uri);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or AuthenticationException)
        {
            return Failed(OitLinkChecker.Classify(e), uri);
        }
    }

    private async Task<EvidenceFetch> GetAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        var current = uri;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location && redirects < Limits.MaxRedirects)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (!IsWeb(next))
                {
                    return Failed(LinkCheckFailure.RedirectNotWeb, current);
                }
                if (ShareLinks.IsSignIn(next))
                {
                    return new(new(status, null), new(FetchResult.SignInRequired, current, status, Failure: "ส่งต่อไปยังหน้าลงชื่อเข้าใช้ของ Google"));
                }
                current = next;
                continue;
            }
            var link = new LinkCheckOutcome(status, null);
            if (IsRedirect(response.StatusCode))
            {
                return new(link, new(FetchResult.Unreachable, current, status, Failure: $"ส่งต่อ (redirect) เกิน {Limits.MaxRedirects} ครั้ง"));
            }
            if (status >= 400)
            {
                return new(link, new(FetchResult.HttpError, current, status));
            }
            return new(link, await ReadAsync(response, current, cancellationToken));
        }
    }

    private async Task<FetchedEvidence> ReadAsync(HttpResponseMessage response, Uri url, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant() ?? "";
        var kind = Kind(mediaType);
        var limit = kind == ContentKind.Html || kind == ContentKind.Text ? Limits.MaxPageBytes : Limits.MaxDocumentBytes;
        if (kind != ContentKind.Html && kind != ContentKind.Text && response.Content.Headers.ContentLength > limit)
        {
            return TooLarge(url, status, response.Content.Headers.ContentLength);
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var body = new BoundedBody(limit);
        if (kind == ContentKind.Other)
        {
            // An octet stream may still be a PDF (Drive downloads often are): its first bytes say.
            var octets = mediaType is "" or "application/octet-stream" or "binary/octet-stream" or "application/force-download";
            if (!octets || !await body.StartsWithAsync(stream, "%PDF-"u8.ToArray(), cancellationToken))
            {
                return new(FetchResult.UnsupportedType, url, status, Failure: mediaType.Length == 0 ? "ไม่ระบุชนิดไฟล์" : $"ชนิดไฟล์ {mediaType}");
            }
            kind = ContentKind.Pdf;
        }
        var cut = await body.ReadAsync(stream, cancellationToken);
        return Of(kind, status, url, body.ToArray(), response.Content.Headers.ContentType?.CharSet, cut, cancellationToken);
    }

    private FetchedEvidence Of(ContentKind kind, int status, Uri url, byte[] body, string? charset, bool cut, CancellationToken cancellationToken)
    {
        if (kind == ContentKind.Pdf)
        {
            if (cut)
            {
                return TooLarge(url, status, null);
            }
            var (result, text, failure) = PdfEvidenceText.Extract(body, Limits, cancellationToken);
            return new(result, url, status, text, Failure: failure, IsPdf: true);
        }
        var decoded = PageEncoding.Decode(body, charset, html: kind == ContentKind.Html); // UTF-8 mostly; older Thai sites TIS-620
        if (kind == ContentKind.Html)
        {
            var (text, title) = HtmlEvidenceText.Extract(decoded, Limits.MaxTextCharacters, cancellationToken);
            return new(FetchResult.Text, url, status, text, title, cut ? $"อ่านเฉพาะ {Limits.MaxPageBytes / 1024} KB แรกของหน้า" : null);
        }
        return new(FetchResult.Text, url, status, decoded.Length <= Limits.MaxTextCharacters ? decoded : decoded[..Limits.MaxTextCharacters]);
    }

    private FetchedEvidence TooLarge(Uri url, int status, long? size) =>
        new(FetchResult.TooLarge, url, status,
            Failure: $"ไฟล์ใหญ่กว่า {Limits.MaxDocumentBytes / (1024 * 1024)} MB" + (size is { } s ? $" ({s / (1024 * 1024)} MB)" : ""));

    private static EvidenceFetch Failed(LinkCheckFailure failure, Uri? url)
    {
        var link = LinkCheckOutcome.Of(failure);
        return new(link, new(FetchResult.Unreachable, url, Failure: link.Error));
    }

    private static ContentKind Kind(string mediaType) => mediaType switch
    {
        "text/html" or "application/xhtml+xml" => ContentKind.Html,
        "application/pdf" or "application/x-pdf" => ContentKind.Pdf,
        "text/plain" or "text/csv" => ContentKind.Text,
        _ => ContentKind.Other,
    };

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MultipleChoices or HttpStatusCode.MovedPermanently
        or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsWeb(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    private enum ContentKind
    {
        Html,
        Pdf,
        Text,
        Other,
    }
}
