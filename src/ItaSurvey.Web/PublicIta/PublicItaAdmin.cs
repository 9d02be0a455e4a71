using System.Security.Claims;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Forms;
using ItaSurvey.Web.Responding;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.PublicIta;

/// <summary>
/// Whether a round's public ITA page is published, as the round page shows it: the two switches,
/// whether the round has finished (scores are published only then) and the page's address once
/// the agency has a code.
/// </summary>
public sealed record PublicItaSettings(int RoundId, int AgencyId, string AgencyName, int FiscalYear, bool PublicPage, bool PublicScores, bool Finished,
    string? AgencyCode, bool CanEdit)
{
    public string? Path => AgencyCode is null ? null : PublicItaView.PathOf(AgencyCode, FiscalYear);
}

/// <summary>Turns a round's public ITA page and its published scores on and off, within the user's scope, audited.</summary>
public sealed class PublicItaAdmin(IDbContextFactory<ItaDbContext> databases, AgencyAccess access, AuditLog audit, TimeProvider clock)
{
    public async Task<PublicItaSettings?> LoadAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken = default)
    {
        if (await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return null;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Agency).SingleAsync(r => r.Id == roundId, cancellationToken);
        return new PublicItaSettings(round.Id, agencyId, round.Agency.NameTh, round.FiscalYear, round.PublicPage, round.PublicScores,
            round.ClosesOn < ThaiCalendar.Today(clock), round.Agency.PublicCode, await access.CanEditAsync(user, agencyId, cancellationToken));
    }

    /// <summary>
    /// Publishes or withdraws the page and its scores. Scores can be published only with the page.
    /// The first publication gives the agency its code, which then stays for good.
    /// </summary>
    public async Task<Outcome<PublicItaSettings>> SetAsync(ClaimsPrincipal user, int roundId, bool publicPage, bool publicScores, CancellationToken cancellationToken = default)
    {
        if (await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is not { } agencyId
            || !await access.CanEditAsync(user, agencyId, cancellationToken))
        {
            return Outcome<PublicItaSettings>.Denied();
        }
        if (publicScores && !publicPage)
        {
            return Outcome<PublicItaSettings>.Failed(FormErrors.Of("PublicScores", "เผยแพร่คะแนนได้เฉพาะเมื่อเผยแพร่หน้า ITA สาธารณะแล้ว",
                "Scores are published only on a published public ITA page."));
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.Include(r => r.Agency).SingleAsync(r => r.Id == roundId, cancellationToken);
        if (publicScores && !round.PublicScores && round.ClosesOn >= ThaiCalendar.Today(clock))
        {
            return Outcome<PublicItaSettings>.Failed(FormErrors.Of("PublicScores", "เผยแพร่คะแนนได้เมื่อรอบการประเมินสิ้นสุดแล้วเท่านั้น",
                "Scores are published only once the round has finished."));
        }
        if (round.PublicPage == publicPage && round.PublicScores == publicScores)
        {
            return Outcome<PublicItaSettings>.Done((await LoadAsync(user, roundId, cancellationToken))!);
        }
        if (publicPage && round.Agency.PublicCode is null)
        {
            round.Agency.PublicCode = await NewAgencyCodeAsync(db, cancellationToken);
        }
        (round.PublicPage, round.PublicScores) = (publicPage, publicScores);
        var page = publicPage ? $"public at {PublicItaView.PathOf(round.Agency.PublicCode!, round.FiscalYear)}" : "not public";
        db.AuditEntries.Add(audit.Entry(user, "ita.public", agencyId,
            AgencyDirectory.Truncate($"round {roundId} ({round.FiscalYear}): page {page}; scores {(publicScores ? "published" : "not published")}")));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PublicItaSettings>.Done((await LoadAsync(user, roundId, cancellationToken))!);
    }

    // 31^6 ≈ 887 million codes for at most some thousands of agencies: a collision is rare, and
    // the unique index would refuse one that slipped through between the check and the save.
    private static async Task<string> NewAgencyCodeAsync(ItaDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = ShortCodes.New(ShortCodes.PublicLinkLength);
            if (!await db.Agencies.AnyAsync(a => a.PublicCode == code, cancellationToken))
            {
                return code;
            }
        }
    }
}
