using System.Security.Claims;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Reports;

/// <summary>
/// Drafts and saves a round's improvement report within the user's scope: agency and system
/// administrators change it (<see cref="ImprovementReportViews"/> reads it). Every change is
/// audit-logged; a save that started from an older version is refused as
/// <see cref="ReportFailure.Stale"/>, with who saved in between.
/// </summary>
public sealed class ImprovementReports(IDbContextFactory<ItaDbContext> databases, AgencyAccess access, AuditLog audit, ImprovementDrafts drafts,
    TimeProvider clock)
{
    public const int MaxRows = 200;

    /// <summary>Creates the report from the draft: one row per weakness, actions left for the agency to write.</summary>
    public async Task<ReportOutcome<ImprovementReportForm>> CreateAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken = default)
    {
        if (await EditableAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return new ReportFailure.Denied();
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.ImprovementReports.AnyAsync(r => r.RoundId == roundId, cancellationToken))
        {
            return new ReportFailure.AlreadyDrafted(Meanwhile: false);
        }
        var round = await db.Rounds.AsNoTracking().Include(r => r.Agency).SingleAsync(r => r.Id == roundId, cancellationToken);
        var (_, draft) = await drafts.DraftAsync(db, round, cancellationToken);
        if (draft is null)
        {
            return new ReportFailure.NoQuestionnaire(round.FiscalYear);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var name = Actor(user);
        var report = new ImprovementReport { RoundId = roundId, CreatedAt = now, CreatedBy = name, UpdatedAt = now, UpdatedBy = name, Version = Guid.NewGuid() };
        report.Items.AddRange(ImprovementDrafts.Rows(draft).Select((item, i) => { item.SortOrder = i; return item; }));
        db.ImprovementReports.Add(report);
        db.AuditEntries.Add(audit.Entry(user, "report.create", agencyId, $"round {roundId}: improvement report drafted with {report.Items.Count} rows"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new ReportFailure.AlreadyDrafted(Meanwhile: true);
        }
        return ReportOutcome<ImprovementReportForm>.Done(ImprovementReportForm.From(report));
    }

    /// <summary>
    /// Adds a row for each weakness of the current draft that the report does not have yet
    /// (same kind and code); every existing row, with what was typed in it, stays as it is.
    /// </summary>
    public async Task<ReportOutcome<(ImprovementReportForm Report, int Added)>> AddNewWeaknessesAsync(ClaimsPrincipal user, int roundId, Guid version,
        CancellationToken cancellationToken = default)
    {
        if (await EditableAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return new ReportFailure.Denied();
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var report = await db.ImprovementReports.Include(r => r.Items).SingleOrDefaultAsync(r => r.RoundId == roundId, cancellationToken);
        if (report is null)
        {
            return new ReportFailure.NoReport();
        }
        if (report.Version != version)
        {
            return ReportFailure.Stale.Of(report);
        }
        var round = await db.Rounds.AsNoTracking().Include(r => r.Agency).SingleAsync(r => r.Id == roundId, cancellationToken);
        var (_, draft) = await drafts.DraftAsync(db, round, cancellationToken);
        var known = report.Items.Select(i => (i.SourceKind, i.SourceCode)).ToHashSet();
        var next = report.Items.Count == 0 ? 0 : report.Items.Max(i => i.SortOrder) + 1;
        var added = (draft is null ? [] : ImprovementDrafts.Rows(draft)).Where(i => known.Add((i.SourceKind, i.SourceCode))).ToList();
        if (report.Items.Count + added.Count > MaxRows)
        {
            return new ReportFailure.TooManyRows(MaxRows);
        }
        foreach (var item in added)
        {
            item.SortOrder = next++;
            report.Items.Add(item);
        }
        if (added.Count > 0)
        {
            Touch(db, report, version, user);
            db.AuditEntries.Add(audit.Entry(user, "report.redraft", agencyId,
                AgencyDirectory.Truncate($"round {roundId}: {added.Count} rows added for new weaknesses: {string.Join(", ", added.Select(i => i.SourceCode))}")));
            if (!await TrySaveAsync(db, cancellationToken))
            {
                return await StaleAsync(roundId, cancellationToken);
            }
        }
        return ReportOutcome<(ImprovementReportForm, int)>.Done((ImprovementReportForm.From(report), added.Count));
    }

    /// <summary>
    /// Saves the rows as the page holds them (changed, added, removed) after checking every one;
    /// when any is wrong nothing is saved, each row carries its errors and
    /// <see cref="ImprovementReportForm.Problems"/> lists them all.
    /// </summary>
    public async Task<ReportOutcome<ImprovementReportForm>> SaveAsync(ClaimsPrincipal user, int roundId, ImprovementReportForm form,
        CancellationToken cancellationToken = default)
    {
        if (await EditableAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return new ReportFailure.Denied();
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var version = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.SurveyVersionId).SingleAsync(cancellationToken);
        // Every row and every field is checked, and every problem returned: one save shows them all.
        if (form.Check(drafts.IndicatorCodes(version), MaxRows) is { Any: true } errors)
        {
            return new ReportFailure.Invalid(errors);
        }

        var report = await db.ImprovementReports.Include(r => r.Items).SingleOrDefaultAsync(r => r.RoundId == roundId, cancellationToken);
        if (report is null)
        {
            return new ReportFailure.NoReport();
        }
        if (report.Version != form.Version)
        {
            return ReportFailure.Stale.Of(report);
        }
        var stored = report.Items.ToDictionary(i => i.Id);
        var kept = form.Items.Where(i => i.Id is not null).Select(i => i.Id!.Value).ToHashSet();
        if (!kept.IsSubsetOf(stored.Keys))
        {
            return ReportFailure.Stale.Of(report);
        }
        var (changed, added) = (0, 0);
        var removed = report.Items.Where(i => !kept.Contains(i.Id)).ToList();
        foreach (var gone in removed)
        {
            report.Items.Remove(gone);
        }
        for (var i = 0; i < form.Items.Count; i++)
        {
            var row = form.Items[i];
            if (row.Id is { } id)
            {
                changed += row.ApplyTo(stored[id], i) ? 1 : 0;
            }
            else
            {
                var item = new ImprovementItem { IndicatorCode = "", SourceCode = "", Weakness = "" };
                row.ApplyTo(item, i);
                report.Items.Add(item);
                added++;
            }
        }
        if (changed + added + removed.Count == 0)
        {
            return ReportOutcome<ImprovementReportForm>.Done(ImprovementReportForm.From(report));
        }
        Touch(db, report, form.Version, user);
        db.AuditEntries.Add(audit.Entry(user, "report.update", agencyId,
            $"round {roundId}: {report.Items.Count} rows ({changed} changed, {added} added, {removed.Count} removed)"));
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return await StaleAsync(roundId, cancellationToken);
        }
        return ReportOutcome<ImprovementReportForm>.Done(ImprovementReportForm.From(report));
    }

    /// <summary>
    /// Changes what the agency fills in on one row (action, responsible unit, status, evidence link)
    /// under the same checks and the same version rule as <see cref="SaveAsync"/>: a change that
    /// started from another version is refused as <see cref="ReportFailure.Stale"/>.
    /// </summary>
    public async Task<ReportOutcome<ImprovementReportForm>> UpdateItemAsync(ClaimsPrincipal user, int roundId, int itemId, Guid version,
        ImprovementItemChange change, CancellationToken cancellationToken = default)
    {
        if (await EditableAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return new ReportFailure.Denied();
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var report = await db.ImprovementReports.Include(r => r.Items).SingleOrDefaultAsync(r => r.RoundId == roundId, cancellationToken);
        if (report is null)
        {
            return new ReportFailure.NoReport();
        }
        if (report.Items.SingleOrDefault(i => i.Id == itemId) is not { } item)
        {
            return new ReportFailure.NoRow(roundId, itemId);
        }
        var row = ImprovementItemForm.From(item);
        (row.PlannedAction, row.Owner, row.Status, row.EvidenceUrl) = (change.PlannedAction, change.Owner, change.Status, change.EvidenceUrl);
        var surveyVersion = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.SurveyVersionId).SingleAsync(cancellationToken);
        if (row.Validate(drafts.IndicatorCodes(surveyVersion)) is { Any: true } errors)
        {
            return new ReportFailure.Invalid(errors);
        }
        if (report.Version != version)
        {
            return ReportFailure.Stale.Of(report);
        }
        if (!row.ApplyTo(item, item.SortOrder))
        {
            return ReportOutcome<ImprovementReportForm>.Done(ImprovementReportForm.From(report));
        }
        Touch(db, report, version, user);
        db.AuditEntries.Add(audit.Entry(user, "report.update", agencyId,
            $"round {roundId}: row {itemId} ({item.SourceCode}) set to {item.Status}{(item.EvidenceUrl is null ? "" : ", with evidence")}"));
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return await StaleAsync(roundId, cancellationToken);
        }
        return ReportOutcome<ImprovementReportForm>.Done(ImprovementReportForm.From(report));
    }

    private async Task<int?> EditableAgencyAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken) =>
        await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is { } agencyId && await access.CanEditAsync(user, agencyId, cancellationToken)
            ? agencyId
            : null;

    /// <summary>Stamps the change and moves the version on; the save only succeeds if the stored version is still the one the edit began from.</summary>
    private void Touch(ItaDbContext db, ImprovementReport report, Guid startedFrom, ClaimsPrincipal user)
    {
        db.Entry(report).Property(r => r.Version).OriginalValue = startedFrom;
        report.Version = Guid.NewGuid();
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        report.UpdatedBy = Actor(user);
    }

    private static async Task<bool> TrySaveAsync(ItaDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>The save lost the race: who saved in between, as stored now.</summary>
    private async Task<ReportFailure> StaleAsync(int roundId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return ReportFailure.Stale.Of(await db.ImprovementReports.AsNoTracking().SingleAsync(r => r.RoundId == roundId, cancellationToken));
    }

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
