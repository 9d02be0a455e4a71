using System.Globalization;
using System.Security.Claims;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Auditing;

/// <summary>Which part of the audit log to show; also the page's query string.</summary>
public sealed record AuditFilter(int? AgencyId = null, string? Action = null, int Page = 1)
{
    public const int PageSize = 50;

    /// <summary>The address of this filter: /admin/audit?agency=3&amp;action=oit.update&amp;page=2 (defaults left out).</summary>
    public string Url()
    {
        var query = new List<string>();
        if (AgencyId is { } agency)
        {
            query.Add("agency=" + agency.ToString(CultureInfo.InvariantCulture));
        }
        if (!string.IsNullOrEmpty(Action))
        {
            query.Add("action=" + Uri.EscapeDataString(Action));
        }
        if (Page > 1)
        {
            query.Add("page=" + Page.ToString(CultureInfo.InvariantCulture));
        }
        return "/admin/audit" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }
}

/// <summary>One page of the audit log, newest first, with what the filters can choose from.</summary>
public sealed record AuditLogPage(
    IReadOnlyList<AuditEntry> Entries, AuditFilter Filter, int PageCount, int Total,
    IReadOnlyList<string> Actions, IReadOnlyDictionary<int, string> Agencies);

/// <summary>Reads the audit log for system administrators.</summary>
public sealed class AuditTrail(IDbContextFactory<ItaDbContext> databases)
{
    /// <summary>The page of entries, or null for anyone but a system administrator.</summary>
    public async Task<AuditLogPage?> PageAsync(ClaimsPrincipal user, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        if (!AgencyAccess.IsSystemAdmin(user))
        {
            return null;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (filter.AgencyId is { } agencyId)
        {
            query = query.Where(e => e.AgencyId == agencyId);
        }
        if (!string.IsNullOrEmpty(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + AuditFilter.PageSize - 1) / AuditFilter.PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * AuditFilter.PageSize).Take(AuditFilter.PageSize).ToListAsync(cancellationToken);
        var actions = await db.AuditEntries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.NameTh).ToDictionaryAsync(a => a.Id, a => a.NameTh, cancellationToken);
        return new AuditLogPage(entries, filter with { Page = page }, pageCount, total, actions, agencies);
    }
}
