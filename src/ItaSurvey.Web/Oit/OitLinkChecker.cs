using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Oit;

/// <summary>What one check of a URL found: an HTTP status, or a short reason it got none.</summary>
public sealed record LinkCheckOutcome(int? Status, string? Error);

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
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return new LinkCheckOutcome(null, "not an http(s) URL");
        }
        // Real time, not the app's TimeProvider: this bounds network I/O.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            var client = clients.CreateClient(ClientName);
            var status = await StatusAsync(client, HttpMethod.Head, uri, timeout.Token);
            if (status is (int)HttpStatusCode.MethodNotAllowed or (int)HttpStatusCode.NotImplemented)
            {
                status = await StatusAsync(client, HttpMethod.Get, uri, timeout.Token);
            }
            return new LinkCheckOutcome(status, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new LinkCheckOutcome(null, "timeout");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or AuthenticationException)
        {
            return new LinkCheckOutcome(null, Reason(e));
        }
    }

    private static async Task<int> StatusAsync(HttpClient client, HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        // Headers only: the body is never read.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>A short reason for an exception: timeout, DNS, TLS, refused...</summary>
    internal static string Reason(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case BlockedAddressException:
                    return "blocked: private network address";
                case AuthenticationException:
                    return "TLS";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return "DNS";
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "refused";
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return "timeout";
            }
        }
        return e is HttpRequestException { HttpRequestError: var error } ? error switch
        {
            HttpRequestError.NameResolutionError => "DNS",
            HttpRequestError.SecureConnectionError => "TLS",
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded => "invalid response",
            HttpRequestError.ConfigurationLimitExceeded => "response headers too large",
            _ => Truncate(e.Message),
        } : Truncate(e.Message);
    }

    private static string Truncate(string message) => message.Length <= 200 ? message : message[..200];

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
                    outcomes[i] = new LinkCheckOutcome(null, Truncate(e.GetType().Name + ": " + e.Message));
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
