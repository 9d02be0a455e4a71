using System.Security.Claims;
using ItaSurvey.Core.Improvement;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Forms;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Reports;

/// <summary>An indicator offered when a row is added by hand.</summary>
public sealed record IndicatorChoice(string Code, string Name);

/// <summary>What the report pages show: the round, the draft computed now and the stored report, if any.</summary>
public sealed record ImprovementReportView(
    AssessmentRound Round,
    bool CanEdit,
    RoundResult? Result,
    ImprovementDraft? Draft,
    ImprovementReportForm? Report,
    IReadOnlyList<IndicatorChoice> Indicators);

/// <summary>The stored report as the page edits it; <see cref="Version"/> is what the edit started from.</summary>
public sealed class ImprovementReportForm
{
    public int RoundId { get; init; }

    public Guid Version { get; set; }

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = "";

    public DateTime UpdatedAt { get; init; }

    public string UpdatedBy { get; init; } = "";

    public List<ImprovementItemForm> Items { get; set; } = [];

    /// <summary>Everything the last save found wrong, row by row and field by field (empty when it saved).</summary>
    public IReadOnlyList<ImprovementProblem> Problems { get; set; } = [];

    public IEnumerable<ImprovementItemForm> In(ImprovementSection section) => Items.Where(i => i.Section == section);
}

/// <summary>
/// Drafts, reads and saves a round's improvement report within the user's scope: agency and
/// system administrators change it, viewers read it. Every change is audit-logged; a save that
/// started from an older version is refused with the name of who saved in between.
/// </summary>
public sealed class ImprovementReports(IDbContextFactory<ItaDbContext> databases, AgencyAccess access, AuditLog audit, RoundResults results,
    SurveyCatalog catalog, TimeProvider clock)
{
    public const int MaxRows = 200;

    /// <summary>The report pages' data, or null when there is no such round or the user may not see it.</summary>
    public async Task<ImprovementReportView?> LoadAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken = default)
    {
        if (await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return null;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Agency).SingleAsync(r => r.Id == roundId, cancellationToken);
        var canEdit = await access.CanEditAsync(user, agencyId, cancellationToken);
        var (result, draft) = await DraftAsync(db, round, cancellationToken);
        var report = await db.ImprovementReports.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.RoundId == roundId, cancellationToken);
        var indicators = catalog.Has(round.FiscalYear)
            ? catalog.Year(round.FiscalYear).Model.Indicators.Select(i => new IndicatorChoice(i.Code, i.Name.Th)).ToList()
            : [];
        return new ImprovementReportView(round, canEdit, result, draft, report is null ? null : ToForm(report), indicators);
    }

    /// <summary>Creates the report from the draft: one row per weakness, actions left for the agency to write.</summary>
    public async Task<Outcome<ImprovementReportForm>> CreateAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken = default)
    {
        if (await EditableAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return Outcome<ImprovementReportForm>.Denied();
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.ImprovementReports.AnyAsync(r => r.RoundId == roundId, cancellationToken))
        {
            return Outcome<ImprovementReportForm>.Failed(FormErrors.Of("", "รอบนี้มีรายงานอยู่แล้ว โหลดหน้าใหม่เพื่อดูฉบับล่าสุด",
                "The round already has an improvement report."), Refusal.Conflict);
        }
        var round = await db.Rounds.AsNoTracking().Include(r => r.Agency).SingleAsync(r => r.Id == roundId, cancellationToken);
        var (_, draft) = await DraftAsync(db, round, cancellationToken);
        if (draft is null)
        {
            return Outcome<ImprovementReportForm>.Failed(FormErrors.Of("", $"ยังไม่มีแบบประเมินของปีงบประมาณ พ.ศ. {round.FiscalYear} ในระบบ จึงร่างรายงานไม่ได้",
                $"Fiscal year {round.FiscalYear} has no questionnaire set here, so no report can be drafted."), Refusal.Conflict);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var name = Actor(user);
        var report = new ImprovementReport { RoundId = roundId, CreatedAt = now, CreatedBy = name, UpdatedAt = now, UpdatedBy = name, Version = Guid.NewGuid() };
        report.Items.AddRange(DraftRows(draft).Select((item, i) => { item.SortOrder = i; return item; }));
        db.ImprovementReports.Add(report);
        db.AuditEntries.Add(audit.Entry(user, "report.create", agencyId, $"round {roundId}: improvement report drafted with {report.Items.Count} rows"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<ImprovementReportForm>.Failed(FormErrors.Of("", "ผู้ใช้อีกท่านเพิ่งสร้างรายงานของรอบนี้ โหลดหน้าใหม่เพื่อดูฉบับล่าสุด",
                "Another user has just created the round's report."), Refusal.Conflict);
        }
        return Outcome<ImprovementReportForm>.Done(ToForm(report));
    }

    /// <summary>
    /// Adds a row for each weakness of the current draft that the report does not have yet
    /// (same kind and code); every existing row, with what was typed in it, stays as it is.
    /// </summary>
    public async Task<Outcome<(ImprovementReportForm Report, int Added)>> AddNewWeaknessesAsync(ClaimsPrincipal user, int roundId, Guid version,
        CancellationToken cancellationToken = default)
    {
        if (await EditableAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return Outcome<(ImprovementReportForm, int)>.Denied();
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var report = await db.ImprovementReports.Include(r => r.Items).SingleOrDefaultAsync(r => r.RoundId == roundId, cancellationToken);
        if (report is null)
        {
            return Outcome<(ImprovementReportForm, int)>.Failed(NoReport, Refusal.NotFound);
        }
        if (report.Version != version)
        {
            return Outcome<(ImprovementReportForm, int)>.Failed(Conflict(report), Refusal.Conflict);
        }
        var round = await db.Rounds.AsNoTracking().Include(r => r.Agency).SingleAsync(r => r.Id == roundId, cancellationToken);
        var (_, draft) = await DraftAsync(db, round, cancellationToken);
        var known = report.Items.Select(i => (i.SourceKind, i.SourceCode)).ToHashSet();
        var next = report.Items.Count == 0 ? 0 : report.Items.Max(i => i.SortOrder) + 1;
        var added = (draft is null ? [] : DraftRows(draft)).Where(i => known.Add((i.SourceKind, i.SourceCode))).ToList();
        if (report.Items.Count + added.Count > MaxRows)
        {
            return Outcome<(ImprovementReportForm, int)>.Failed(FormErrors.Of("", $"รายงานหนึ่งฉบับมีได้ไม่เกิน {MaxRows} แถว", $"A report has at most {MaxRows} rows."));
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
                return Outcome<(ImprovementReportForm, int)>.Failed(await ConflictAsync(roundId, cancellationToken), Refusal.Conflict);
            }
        }
        return Outcome<(ImprovementReportForm, int)>.Done((ToForm(report), added.Count));
    }

    /// <summary>
    /// Saves the rows as the page holds them (changed, added, removed) after checking every one;
    /// when any is wrong nothing is saved, each row carries its errors and
    /// <see cref="ImprovementReportForm.Problems"/> lists them all.
    /// </summary>
    public async Task<Outcome<ImprovementReportForm>> SaveAsync(ClaimsPrincipal user, int roundId, ImprovementReportForm form,
        CancellationToken cancellationToken = default)
    {
        if (await EditableAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return Outcome<ImprovementReportForm>.Denied();
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var year = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.FiscalYear).SingleAsync(cancellationToken);
        var codes = catalog.Has(year) ? catalog.Year(year).Model.Indicators.Select(i => i.Code).ToHashSet() : [];
        // Every row and every field is checked, and every problem returned: one save shows them all.
        var problems = new List<ImprovementProblem>();
        if (form.Items.Count > MaxRows)
        {
            problems.Add(new(null, null, null, ImprovementProblem.WholeReport, $"รายงานหนึ่งฉบับมีได้ไม่เกิน {MaxRows} แถว"));
        }
        for (var i = 0; i < form.Items.Count; i++)
        {
            var (item, row) = (form.Items[i], i + 1);
            item.Errors = item.Validate(codes);
            problems.AddRange(item.Errors.Fields.Select(field => new ImprovementProblem(row, item.Key, item.SourceCode, field, item.Errors[field]!)));
        }
        form.Problems = problems;
        if (problems.Count > 0)
        {
            var errors = new FormErrors();
            problems.ForEach(p => errors.Add(p.Key, p.Text));
            return Outcome<ImprovementReportForm>.Failed(errors);
        }

        var report = await db.ImprovementReports.Include(r => r.Items).SingleOrDefaultAsync(r => r.RoundId == roundId, cancellationToken);
        if (report is null)
        {
            return Outcome<ImprovementReportForm>.Failed(NoReport, Refusal.NotFound);
        }
        if (report.Version != form.Version)
        {
            return Outcome<ImprovementReportForm>.Failed(Conflict(report), Refusal.Conflict);
        }
        var stored = report.Items.ToDictionary(i => i.Id);
        var kept = form.Items.Where(i => i.Id is not null).Select(i => i.Id!.Value).ToHashSet();
        if (!kept.IsSubsetOf(stored.Keys))
        {
            return Outcome<ImprovementReportForm>.Failed(Conflict(report), Refusal.Conflict);
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
            return Outcome<ImprovementReportForm>.Done(ToForm(report));
        }
        Touch(db, report, form.Version, user);
        db.AuditEntries.Add(audit.Entry(user, "report.update", agencyId,
            $"round {roundId}: {report.Items.Count} rows ({changed} changed, {added} added, {removed.Count} removed)"));
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return Outcome<ImprovementReportForm>.Failed(await ConflictAsync(roundId, cancellationToken), Refusal.Conflict);
        }
        return Outcome<ImprovementReportForm>.Done(ToForm(report));
    }

    /// <summary>
    /// Changes what the agency fills in on one row (action, responsible unit, status, evidence link)
    /// under the same checks and the same version rule as <see cref="SaveAsync"/>: a change that
    /// started from another version is refused with <see cref="Refusal.Conflict"/>.
    /// </summary>
    public async Task<Outcome<ImprovementReportForm>> UpdateItemAsync(ClaimsPrincipal user, int roundId, int itemId, Guid version,
        ImprovementItemChange change, CancellationToken cancellationToken = default)
    {
        if (await EditableAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return Outcome<ImprovementReportForm>.Denied();
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var report = await db.ImprovementReports.Include(r => r.Items).SingleOrDefaultAsync(r => r.RoundId == roundId, cancellationToken);
        if (report is null)
        {
            return Outcome<ImprovementReportForm>.Failed(NoReport, Refusal.NotFound);
        }
        if (report.Items.SingleOrDefault(i => i.Id == itemId) is not { } item)
        {
            return Outcome<ImprovementReportForm>.Failed(
                FormErrors.Of("", $"รายงานของรอบ {roundId} ไม่มีแถว {itemId}", $"The report of round {roundId} has no row {itemId}."), Refusal.NotFound);
        }
        var row = ImprovementItemForm.From(item);
        (row.PlannedAction, row.Owner, row.Status, row.EvidenceUrl) = (change.PlannedAction, change.Owner, change.Status, change.EvidenceUrl);
        var year = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.FiscalYear).SingleAsync(cancellationToken);
        var codes = catalog.Has(year) ? catalog.Year(year).Model.Indicators.Select(i => i.Code).ToHashSet() : [];
        if (row.Validate(codes) is { Any: true } errors)
        {
            return Outcome<ImprovementReportForm>.Failed(errors);
        }
        if (report.Version != version)
        {
            return Outcome<ImprovementReportForm>.Failed(Conflict(report), Refusal.Conflict);
        }
        if (!row.ApplyTo(item, item.SortOrder))
        {
            return Outcome<ImprovementReportForm>.Done(ToForm(report));
        }
        Touch(db, report, version, user);
        db.AuditEntries.Add(audit.Entry(user, "report.update", agencyId,
            $"round {roundId}: row {itemId} ({item.SourceCode}) set to {item.Status}{(item.EvidenceUrl is null ? "" : ", with evidence")}"));
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return Outcome<ImprovementReportForm>.Failed(await ConflictAsync(roundId, cancellationToken), Refusal.Conflict);
        }
        return Outcome<ImprovementReportForm>.Done(ToForm(report));
    }

    /// <summary>The round's scores and the draft computed from them now (null without definitions for its year).</summary>
    private async Task<(RoundResult? Result, ImprovementDraft? Draft)> DraftAsync(ItaDbContext db, AssessmentRound round, CancellationToken cancellationToken)
    {
        if (!catalog.Has(round.FiscalYear) || await results.ForRoundAsync(round.Id, cancellationToken) is not { } result)
        {
            return (null, null);
        }
        var year = catalog.Year(round.FiscalYear);
        var disclosed = await db.OitEvidence.AsNoTracking().Where(e => e.RoundId == round.Id && e.Present == true)
            .Select(e => e.ItemCode).ToListAsync(cancellationToken);
        var missing = year.Questionnaire("OIT").Questions.Select(q => q.Code).Except(disclosed, StringComparer.Ordinal).ToList();
        return (result, ImprovementPlanner.Draft(year, result.Assessment, missing, result.Withheld, result.MinimumResponses));
    }

    private static IEnumerable<ImprovementItem> DraftRows(ImprovementDraft draft) =>
        draft.Indicators.SelectMany(indicator => indicator.Weaknesses.Select(w => new ImprovementItem
        {
            Section = indicator.Section, IndicatorCode = indicator.Code, SourceKind = w.Source, SourceCode = w.Code,
            Weakness = w.Text.Length > ImprovementReportModel.MaxWeakness ? w.Text[..ImprovementReportModel.MaxWeakness] : w.Text,
        }));

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

    private async Task<FormErrors> ConflictAsync(int roundId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return Conflict(await db.ImprovementReports.AsNoTracking().SingleAsync(r => r.RoundId == roundId, cancellationToken));
    }

    /// <summary>The message when someone else saved since the page was loaded: who, when, and what to do.</summary>
    public static FormErrors Conflict(ImprovementReport latest) => FormErrors.Of("",
        $"ยังไม่ได้บันทึก: {latest.UpdatedBy} บันทึกรายงานนี้เมื่อ {AdminFormat.Moment(latest.UpdatedAt)} หลังจากที่ท่านเปิดหน้านี้ "
        + "การแก้ไขของท่านยังอยู่บนหน้านี้ คัดลอกข้อความที่ต้องการเก็บไว้ แล้วกด “โหลดฉบับล่าสุด”",
        $"Not saved: {latest.UpdatedBy} saved this report at {latest.UpdatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC, after the version your change started from. "
        + $"Read the report again (its version is now {latest.Version}) and send the change with that version.");

    private static FormErrors NoReport => FormErrors.Of("", "รอบนี้ยังไม่มีรายงาน กด “สร้างร่างรายงาน” ก่อน",
        "The round has no improvement report yet: draft it first.");

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static ImprovementReportForm ToForm(ImprovementReport report) => new()
    {
        RoundId = report.RoundId, Version = report.Version, CreatedAt = report.CreatedAt, CreatedBy = report.CreatedBy,
        UpdatedAt = report.UpdatedAt, UpdatedBy = report.UpdatedBy,
        Items = report.Items.OrderBy(i => i.Section).ThenBy(i => i.SortOrder).Select(ImprovementItemForm.From).ToList(),
    };
}
