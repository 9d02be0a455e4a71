using System.Security.Claims;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Auditing;

/// <summary>Records administrative actions. Call it in the same operation as the change it records.</summary>
public sealed class AuditLog(IDbContextFactory<ItaDbContext> databases, TimeProvider clock)
{
    public async Task RecordAsync(ClaimsPrincipal? user, string action, int? agencyId, string? details, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(Entry(user, action, agencyId, details));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An entry to add to a context that saves it together with the change.</summary>
    public AuditEntry Entry(ClaimsPrincipal? user, string action, int? agencyId, string? details) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
        Actor = user?.Identity?.Name ?? "cli",
        Action = action,
        AgencyId = agencyId,
        Details = details,
    };
}
