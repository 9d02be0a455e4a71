using System.Security.Claims;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Accounts;

/// <summary>
/// Which agencies a user may see and change. Every admin page, API endpoint and export asks
/// this before touching an agency's data; an agency out of scope is answered as not found.
/// </summary>
public sealed class AgencyAccess(IDbContextFactory<ItaDbContext> databases)
{
    /// <summary>The agency ids the user may see, or null for all (system administrators).</summary>
    public async Task<IReadOnlySet<int>?> VisibleAgenciesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (IsSystemAdmin(user))
        {
            return null;
        }
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !(user.IsInRole(Roles.AgencyAdmin) || user.IsInRole(Roles.Viewer)))
        {
            return new HashSet<int>();
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return (await db.AgencyAssignments.Where(a => a.UserId == id).Select(a => a.AgencyId).ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, int agencyId, CancellationToken cancellationToken = default) =>
        await VisibleAgenciesAsync(user, cancellationToken) is not { } visible || visible.Contains(agencyId);

    /// <summary>Viewers read only; agency administrators change their own agencies; system administrators any.</summary>
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, int agencyId, CancellationToken cancellationToken = default) =>
        (user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.AgencyAdmin)) && await CanSeeAsync(user, agencyId, cancellationToken);

    /// <summary>The agency of a round, when the user may see it; null otherwise (or when there is no such round).</summary>
    public async Task<int?> VisibleRoundAgencyAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var agencyId = await db.Rounds.Where(r => r.Id == roundId).Select(r => (int?)r.AgencyId).SingleOrDefaultAsync(cancellationToken);
        return agencyId is { } id && await CanSeeAsync(user, id, cancellationToken) ? id : null;
    }

    /// <summary>The agency, when the user may see it; null otherwise (or when there is no such agency).</summary>
    public async Task<Agencies.Agency?> VisibleAgencyAsync(ClaimsPrincipal user, int agencyId, CancellationToken cancellationToken = default)
    {
        if (!await CanSeeAsync(user, agencyId, cancellationToken))
        {
            return null;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken);
    }

    public static bool IsSystemAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.SystemAdmin);
}
