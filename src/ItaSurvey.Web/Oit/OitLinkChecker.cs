using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Oit;

/// <summary>Why a check of a URL got no usable HTTP status.</summary>
public enum LinkCheckFailure
{
    NotWebUrl,
    Timeout,
    Dns,
    Tls,
    Refused,
    Blocked,
    ConnectionFailed,
    InvalidResponse,
    HeadersTooLarge,
    RedirectNotWeb,
    Failed,
}

/// <summary>
/// What one check of a URL found: an HTTP status, or why it got none. The failure is typed; it
/// becomes text (<see cref="Error"/>) only where it is stored and shown, in words of our own,
/// never an exception's message.
/// </summary>
public sealed record LinkCheckOutcome(int? Status, LinkCheckFailure? Failure)
{
    public static LinkCheckOutcome Of(LinkCheckFailure failure) => new(null, failure);

    /// <summary>The short reason stored with the URL and shown beside it, or null when the check got a status.</summary>
    public string? Error => Failure is { } failure ? Reason(failure) : null;

    public static string Reason(LinkCheckFailure failure) => failure switch
    {
        LinkCheckFailure.NotWebUrl => "not an http(s) URL",
        LinkCheckFailure.Timeout => "timeout",
        LinkCheckFailure.Dns => "DNS",
        LinkCheckFailure.Tls => "TLS",
        LinkCheckFailure.Refused => "refused",
        LinkCheckFailure.Blocked => "blocked: not a public internet address",
        LinkCheckFailure.ConnectionFailed => "connection failed",
        LinkCheckFailure.InvalidResponse => "invalid response",
        LinkCheckFailure.HeadersTooLarge => "response headers too large",
        LinkCheckFailure.RedirectNotWeb => "redirected to an address that is not http(s)",
        _ => "the check failed",
    };
}

/// <summary>
/// Checks whether OIT evidence URLs answer and records the status (or a short reason) and when.
/// A failing URL is recorded and logged, never thrown; only cancellation stops a batch.
/// </summary>
public sealed class OitLinkChecker(
    IDbContextFactory<ItaDbContext> databases,
    IHttpClientFactory clients,
    IOptions<LinkCheckOptions> options,
    TimeProvider clock,
    ILogger<OitLinkChecker> log)
{
    public const string ClientName = "oit-link-check";

    private LinkCheckOptions Options => options.Value;

    /// <summary>Checks one batch of URLs never checked or checked longer ago than the recheck age; returns how many.</summary>
    public Task<int> CheckDueAsync(CancellationToken cancellationToken) => CheckDueAsync(DateTime.MaxValue, cancellationToken);

    /// <summary>
    /// As <see cref="CheckDueAsync(CancellationToken)"/>, leaving out URLs checked at or after
    /// <paramref name="passStartedAt"/>, so a long pass never comes back to what it already checked.
    /// </summary>
    public async Task<int> CheckDueAsync(DateTime passStartedAt, CancellationToken cancellationToken)
    {
        var recheckAge = clock.GetUtcNow().UtcDateTime - Options.RecheckAfter;
        var cutoff = recheckAge < passStartedAt ? recheckAge : passStartedAt;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var due = await db.OitEvidenceUrls.AsNoTracking()
            .Where(u => u.LastCheckedAt == null || u.LastCheckedAt < cutoff)
            .OrderBy(u => u.LastCheckedAt).ThenBy(u => u.Id)
            .Take(Options.BatchSize)
            .Select(u => new Due(u.Id, u.Url))
            .ToListAsync(cancellationToken);
        await CheckAndRecordAsync(due, cancellationToken);
        return due.Count;
    }

    /// <summary>Checks every URL of one round now, whatever its age (for an admin's "check again" button); returns how many.</summary>
    public async Task<int> CheckNowAsync(int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var urls = await db.OitEvidence.AsNoTracking()
            .Where(e => e.RoundId == roundId)
            .SelectMany(e => e.Urls)
            .OrderBy(u => u.Id)
            .Select(u => new Due(u.Id, u.Url))
            .ToListAsync(cancellationToken);
        await CheckAndRecordAsync(urls, cancellationToken);
        return urls.Count;
    }

    /// <summary>Requests one URL: HEAD, or GET when the server does not do HEAD; redirects followed.</summary>
    public async Task<LinkCheckOutcome> CheckAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsWeb(uri))
        {
            return LinkCheckOutcome.Of(LinkCheckFailure.NotWebUrl);
        }
        // Real time, not the app's TimeProvider: this bounds network I/O.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            var client = clients.CreateClient(ClientName);
            var outcome = await RequestAsync(client, HttpMethod.Head, uri, timeout.Token);
            if (outcome.Status is (int)HttpStatusCode.MethodNotAllowed or (int)HttpStatusCode.NotImplemented)
            {
                outcome = await RequestAsync(client, HttpMethod.Get, uri, timeout.Token);
            }
            return outcome;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return LinkCheckOutcome.Of(LinkCheckFailure.Timeout);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or AuthenticationException)
        {
            return LinkCheckOutcome.Of(Classify(e));
        }
    }

    /// <summary>
    /// One request, following up to MaxRedirects redirects itself (the handler follows none), so
    /// that a redirect to file:, ftp: or any other scheme is seen and named instead of failing
    /// somewhere inside the handler with its own message.
    /// </summary>
    private async Task<LinkCheckOutcome> RequestAsync(HttpClient client, HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        var current = uri;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(method, current);
            // Headers only: the body is never read.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location || redirects >= Options.MaxRedirects)
            {
                return new LinkCheckOutcome((int)response.StatusCode, null);
            }
            var next = location.IsAbsoluteUri ? location : new Uri(current, location);
            if (!IsWeb(next))
            {
                return LinkCheckOutcome.Of(LinkCheckFailure.RedirectNotWeb);
            }
            current = next;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MultipleChoices or HttpStatusCode.MovedPermanently
        or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsWeb(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>What kind of failure an exception is: timeout, DNS, TLS, refused...; anything unforeseen is <see cref="LinkCheckFailure.Failed"/>.</summary>
    internal static LinkCheckFailure Classify(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case BlockedAddressException:
                    return LinkCheckFailure.Blocked;
                case AuthenticationException:
                    return LinkCheckFailure.Tls;
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return LinkCheckFailure.Dns;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return LinkCheckFailure.Refused;
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return LinkCheckFailure.Timeout;
            }
        }
        return e is HttpRequestException { HttpRequestError: var error } ? error switch
        {
            HttpRequestError.NameResolutionError => LinkCheckFailure.Dns,
            HttpRequestError.SecureConnectionError => LinkCheckFailure.Tls,
            HttpRequestError.ConnectionError => LinkCheckFailure.ConnectionFailed,
            HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded => LinkCheckFailure.InvalidResponse,
            HttpRequestError.ConfigurationLimitExceeded => LinkCheckFailure.HeadersTooLarge,
            _ => LinkCheckFailure.Failed,
        } : LinkCheckFailure.Failed;
    }

    private async Task CheckAndRecordAsync(IReadOnlyList<Due> urls, CancellationToken cancellationToken)
    {
        if (urls.Count == 0)
        {
            return;
        }
        var outcomes = new LinkCheckOutcome[urls.Count];
        await Parallel.ForAsync(0, urls.Count, new ParallelOptions { MaxDegreeOfParallelism = Options.Parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                try
                {
                    outcomes[i] = await CheckAsync(urls[i].Url, token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Checking OIT link {Url} failed unexpectedly", urls[i].Url);
                    outcomes[i] = LinkCheckOutcome.Of(LinkCheckFailure.Failed); // the details are in the log, not shown to users
                }
                if (outcomes[i].Error is { } error)
                {
                    log.LogInformation("OIT link {Url}: {Error}", urls[i].Url, error);
                }
            });

        var checkedAt = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < urls.Count; i++)
        {
            var (id, url, outcome) = (urls[i].Id, urls[i].Url, outcomes[i]);
            // Only if the URL is unchanged: an admin may have edited or removed it meanwhile.
            await db.OitEvidenceUrls.Where(u => u.Id == id && u.Url == url).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LastStatus, outcome.Status)
                .SetProperty(u => u.LastError, outcome.Error)
                .SetProperty(u => u.LastCheckedAt, checkedAt), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private sealed record Due(int Id, string Url);
}
