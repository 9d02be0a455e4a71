using System.Net.Sockets;
using System.Security.Authentication;
using ItaSurvey.Core.Evidence;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Surveys;
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
/// Checks OIT evidence URLs: whether they answer (the status, or a short reason) and what their
/// text says (<see cref="EvidenceJudge"/>: the round's year, the item's expected words, soft 404s),
/// and records both and when. A failing URL is recorded and logged, never thrown; only
/// cancellation stops a batch.
/// </summary>
public sealed class OitLinkChecker(
    IDbContextFactory<ItaDbContext> databases,
    EvidenceFetcher fetcher,
    SurveyLibrary surveys,
    IOptions<LinkCheckOptions> options,
    TimeProvider clock,
    ILogger<OitLinkChecker> log)
{
    public const string ClientName = "oit-link-check";

    // One gate for the whole process: the background pass and every "check again" share Parallelism,
    // so no number of admins pressing the button makes more connections or parses more documents at once.
    private readonly SemaphoreSlim _gate = new(options.Value.Parallelism);

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
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        await CheckAndRecordAsync(await DueAsync(db, due, cancellationToken), cancellationToken);
        return due.Count;
    }

    /// <summary>What judging each URL needs: its item, the round's year and version, the agency's domains.</summary>
    private static Task<List<Due>> DueAsync(ItaDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (from u in db.OitEvidenceUrls.AsNoTracking()
         join e in db.OitEvidence on u.EvidenceId equals e.Id
         join r in db.Rounds on e.RoundId equals r.Id
         join a in db.Agencies on r.AgencyId equals a.Id
         where ids.Contains(u.Id)
         orderby u.Id
         select new Due(u.Id, u.Url, e.ItemCode, r.FiscalYear, r.SurveyVersionId, a.WebDomains)).ToListAsync(cancellationToken);

    /// <summary>Checks every URL of one round now, whatever its age (for an admin's "check again" button); returns how many.</summary>
    public async Task<int> CheckNowAsync(int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var ids = await db.OitEvidence.AsNoTracking()
            .Where(e => e.RoundId == roundId)
            .SelectMany(e => e.Urls)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        await CheckAndRecordAsync(await DueAsync(db, ids, cancellationToken), cancellationToken);
        return ids.Count;
    }

    /// <summary>Requests one URL with GET, redirects followed, and says whether it answered; nothing is stored.</summary>
    public async Task<LinkCheckOutcome> CheckAsync(string url, CancellationToken cancellationToken) =>
        (await fetcher.FetchAsync(url, cancellationToken)).Link;

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
        var outcomes = new (LinkCheckOutcome Link, EvidenceJudgement Judgement)[urls.Count];
        await Parallel.ForAsync(0, urls.Count, new ParallelOptions { MaxDegreeOfParallelism = Options.Parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var due = urls[i];
                EvidenceFetch fetch;
                await _gate.WaitAsync(token);
                try
                {
                    fetch = await fetcher.FetchAsync(due.Url, token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Checking OIT link {Url} failed unexpectedly", due.Url);
                    var failed = LinkCheckOutcome.Of(LinkCheckFailure.Failed); // the details are in the log, not shown to users
                    fetch = new(failed, new FetchedEvidence(FetchResult.Unreachable, null, Failure: failed.Error));
                }
                finally
                {
                    _gate.Release();
                }
                outcomes[i] = (fetch.Link, EvidenceJudge.Judge(new EvidenceCase(fetch.Fetched, due.FiscalYear, ExpectedWords(due),
                    (due.WebDomains ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))));
                if (fetch.Link.Error is { } error)
                {
                    log.LogInformation("OIT link {Url}: {Error}", due.Url, error);
                }
            });

        var checkedAt = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < urls.Count; i++)
        {
            var (id, url) = (urls[i].Id, urls[i].Url);
            var (link, judgement) = outcomes[i];
            // Only if the URL is unchanged: an admin may have edited or removed it meanwhile.
            await db.OitEvidenceUrls.Where(u => u.Id == id && u.Url == url).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LastStatus, link.Status)
                .SetProperty(u => u.LastError, link.Error)
                .SetProperty(u => u.LastCheckedAt, checkedAt)
                .SetProperty(u => u.Verdict, judgement.Verdict)
                .SetProperty(u => u.VerdictFinding, judgement.Finding)
                .SetProperty(u => u.VerdictReason, Cut(judgement.Reason, 500))
                .SetProperty(u => u.VerdictDetail, Cut(judgement.Detail, 1000))
                .SetProperty(u => u.OnAgencySite, judgement.OnAgencySite), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The item's expected words (its keywords) in the version the round is scored by; none when unknown.</summary>
    private IReadOnlyList<string> ExpectedWords(Due due)
    {
        if (due.SurveyVersionId is not { } version)
        {
            return [];
        }
        var oit = surveys.Version(version).Year.Questionnaires.GetValueOrDefault("OIT");
        return oit?.Questions.FirstOrDefault(q => q.Code == due.ItemCode)?.Keywords ?? [];
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private sealed record Due(int Id, string Url, string ItemCode, int FiscalYear, int? SurveyVersionId, string? WebDomains);
}
