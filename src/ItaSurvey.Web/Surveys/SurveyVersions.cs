using System.Security.Claims;
using ItaSurvey.Core.Loading;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Surveys;

/// <summary>A version as the list of fiscal years shows it.</summary>
public sealed record VersionSummary(int Id, int FiscalYear, int Number, SurveyVersionStatus Status, string Origin, int? BasedOnId,
    DateTime UpdatedAt, string UpdatedBy, DateTime? PublishedAt, int Rounds, bool Newest);

/// <summary>A version with its files, checked: what the editor and the version's page work on.</summary>
public sealed record VersionDetail(SurveyVersion Version, YearFiles Files, YearLoadResult Check, bool Provisional, VersionSummary? BasedOn, int Rounds)
{
    public bool IsDraft => Version.Status == SurveyVersionStatus.Draft;
}

/// <summary>
/// Fiscal years as versioned data: drafts made by copying a version or uploading files, saved as
/// they are edited (a stale revision is refused, never overwritten), and published once every
/// check of the loader passes. Only system administrators change them; every change is audited.
/// </summary>
public sealed class SurveyVersions(IDbContextFactory<ItaDbContext> databases, SurveyLibrary library, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<VersionSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rounds = await db.Rounds.Where(r => r.SurveyVersionId != null).GroupBy(r => r.SurveyVersionId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var versions = await db.SurveyVersions.AsNoTracking().OrderByDescending(v => v.FiscalYear).ThenByDescending(v => v.Number).ToListAsync(cancellationToken);
        var newest = versions.Where(v => v.Status == SurveyVersionStatus.Published).GroupBy(v => v.FiscalYear).Select(g => g.MaxBy(v => v.Number)!.Id).ToHashSet();
        return versions.Select(v => Summary(v, rounds.GetValueOrDefault(v.Id), newest.Contains(v.Id))).ToList();
    }

    public async Task<VersionDetail?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var version = await db.SurveyVersions.AsNoTracking().Include(v => v.Files).SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (version is null)
        {
            return null;
        }
        var basedOn = version.BasedOnId is { } baseId ? await db.SurveyVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == baseId, cancellationToken) : null;
        var rounds = await db.Rounds.CountAsync(r => r.SurveyVersionId == id, cancellationToken);
        var files = SurveyLibrary.FilesOf(version);
        var check = SurveyLoader.LoadYear(files);
        return new VersionDetail(version, files, check, check.Year is { } year && SurveyLibrary.IsProvisional(year),
            basedOn is null ? null : Summary(basedOn, 0, false), rounds);
    }

    /// <summary>A new draft copied from a version, for the same or another fiscal year (the year rewritten throughout).</summary>
    public async Task<VersionOutcome<int>> CopyAsync(ClaimsPrincipal user, int fromId, int toYear, CancellationToken cancellationToken = default)
    {
        if (!AgencyAccess.IsSystemAdmin(user))
        {
            return VersionFailure.Denied();
        }
        if (toYear is < 2500 or > 2700)
        {
            return VersionFailure.Of(VersionFailureKind.Invalid, "ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2570", "The fiscal year must be a Buddhist Era year such as 2570.");
        }
        var from = await GetAsync(fromId, cancellationToken);
        if (from is null)
        {
            return VersionFailure.NotFound();
        }
        var files = toYear == from.Version.FiscalYear ? from.Files : YearCopy.NewYear(from.Files, toYear);
        var id = await AddAsync(user, files, SurveyVersionStatus.Draft, "copy", fromId, cancellationToken);
        await audit.RecordAsync(user, "fiscal-year-draft-created", null,
            $"{toYear} version {id.Number} (id {id.Id}) copied from {from.Version.FiscalYear} version {from.Version.Number}", cancellationToken);
        return id.Id;
    }

    /// <summary>A new draft from uploaded files; every problem is reported and nothing is stored unless all of them pass.</summary>
    public async Task<VersionOutcome<int>> UploadAsync(ClaimsPrincipal user, int fiscalYear, IReadOnlyList<YearFile> files, CancellationToken cancellationToken = default)
    {
        if (!AgencyAccess.IsSystemAdmin(user))
        {
            return VersionFailure.Denied();
        }
        var set = new YearFiles(fiscalYear, files);
        if (VersionFileChecks.Acceptable(set) is { } refused)
        {
            return refused;
        }
        var check = SurveyLoader.LoadYear(set);
        if (!check.IsValid)
        {
            return VersionFailure.Invalid(check.Problems);
        }
        var made = await AddAsync(user, set, SurveyVersionStatus.Draft, "upload", null, cancellationToken);
        await audit.RecordAsync(user, "fiscal-year-draft-uploaded", null, $"{fiscalYear} version {made.Number} (id {made.Id}) from {files.Count} uploaded file(s)", cancellationToken);
        return made.Id;
    }

    /// <summary>
    /// Saves a draft's files if nobody saved it since <paramref name="revision"/>; returns the new
    /// revision. A draft may keep problems while it is edited (they block publishing), but a file
    /// that is not JSON, too large or of an unknown name is refused.
    /// </summary>
    public async Task<VersionOutcome<int>> SaveAsync(ClaimsPrincipal user, int id, int revision, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (version, refused) = await DraftAsync(db, user, id, revision, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var set = new YearFiles(version.FiscalYear, files.Select(f => YearFile.Stored(version.FiscalYear, f.Key, f.Value)).ToList());
        if ((VersionFileChecks.Acceptable(set) ?? VersionFileChecks.NotJson(set)) is { } unacceptable)
        {
            return unacceptable;
        }
        foreach (var gone in version.Files.Where(f => !files.ContainsKey(f.Name)).ToList())
        {
            version.Files.Remove(gone);
        }
        foreach (var (name, text) in files)
        {
            if (version.Files.FirstOrDefault(f => f.Name == name) is { } file)
            {
                file.Text = text;
            }
            else
            {
                version.Files.Add(new SurveyVersionFile { Name = name, Text = text });
            }
        }
        Touch(version, user);
        version.ContentHash = set.ContentHash;
        db.AuditEntries.Add(audit.Entry(user, "fiscal-year-draft-saved", null, $"{version.FiscalYear} version {version.Number} (id {id}) revision {version.Revision}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await databases.CreateDbContextAsync(cancellationToken);
            return await fresh.SurveyVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken) is { } latest
                ? Stale(latest) : VersionFailure.NotFound();
        }
        return version.Revision;
    }

    /// <summary>Publishes a draft once every check passes: from then on it never changes, and new rounds of its year are opened with it.</summary>
    public async Task<VersionOutcome<int>> PublishAsync(ClaimsPrincipal user, int id, int revision, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (version, refused) = await DraftAsync(db, user, id, revision, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var files = SurveyLibrary.FilesOf(version);
        var check = SurveyLoader.LoadYear(files);
        if (!check.IsValid)
        {
            return VersionFailure.Invalid(check.Problems);
        }
        var hash = files.ContentHash;
        if (await db.SurveyVersions.Where(v => v.FiscalYear == version.FiscalYear && v.Status == SurveyVersionStatus.Published && v.ContentHash == hash)
            .Select(v => (int?)v.Number).FirstOrDefaultAsync(cancellationToken) is { } same)
        {
            return VersionFailure.Of(VersionFailureKind.Duplicate, $"ฉบับนี้เหมือนฉบับที่ {same} ที่เผยแพร่แล้วทุกประการ ไม่ต้องเผยแพร่ซ้ำ",
                $"This draft is identical to published version {same}.");
        }
        Touch(version, user);
        version.ContentHash = hash;
        version.Status = SurveyVersionStatus.Published;
        version.PublishedAt = version.UpdatedAt;
        version.PublishedBy = version.UpdatedBy;
        db.AuditEntries.Add(audit.Entry(user, "fiscal-year-published", null, $"{version.FiscalYear} version {version.Number} (id {id}) sha256 {hash[..16]}"));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return VersionFailure.Of(VersionFailureKind.Stale, "มีผู้บันทึกร่างนี้ระหว่างที่กำลังเผยแพร่ โหลดหน้าใหม่แล้วตรวจอีกครั้ง",
                "Someone saved the draft while it was being published: reload and check it again.");
        }
        await PublishedVersions.RaiseAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await library.RefreshAsync(cancellationToken);
        return version.Number;
    }

    /// <summary>Deletes a draft (a published version is never deleted).</summary>
    public async Task<VersionOutcome<bool>> DeleteDraftAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (version, refused) = await DraftAsync(db, user, id, null, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        db.SurveyVersions.Remove(version);
        db.AuditEntries.Add(audit.Entry(user, "fiscal-year-draft-deleted", null, $"{version.FiscalYear} version {version.Number} (id {id})"));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<(int Id, int Number)> AddAsync(ClaimsPrincipal user, YearFiles files, SurveyVersionStatus status, string origin, int? basedOn, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var version = PublishedVersions.New(files, status, origin, basedOn, user.Identity?.Name ?? "cli", clock.GetUtcNow().UtcDateTime);
            version.Number = await PublishedVersions.NextNumberAsync(db, files.FiscalYear, cancellationToken);
            db.SurveyVersions.Add(version);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (version.Id, version.Number);
            }
            catch (DbUpdateException e) when (DatabaseSetup.IsUniqueViolation(e) && attempt < 5)
            {
            }
        }
    }

    // The draft a change is made to, with its files, or why the change is refused: not an
    // administrator, no such version, published (it never changes), or saved since <revision>.
    private static async Task<(SurveyVersion Version, VersionFailure? Refused)> DraftAsync(ItaDbContext db, ClaimsPrincipal user, int id, int? revision,
        CancellationToken cancellationToken)
    {
        if (!AgencyAccess.IsSystemAdmin(user))
        {
            return (null!, VersionFailure.Denied());
        }
        var version = await db.SurveyVersions.Include(v => v.Files).SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        return version switch
        {
            null => (null!, VersionFailure.NotFound()),
            { Status: SurveyVersionStatus.Published } => (version, VersionFailure.Published(version.FiscalYear, version.Number)),
            _ when revision is { } expected && version.Revision != expected => (version, Stale(version)),
            _ => (version, null),
        };
    }

    private void Touch(SurveyVersion version, ClaimsPrincipal user)
    {
        version.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        version.UpdatedBy = user.Identity?.Name ?? "cli";
        version.Revision++;
    }

    private static VersionFailure Stale(SurveyVersion latest) => VersionFailure.Of(VersionFailureKind.Stale,
        $"{latest.UpdatedBy} บันทึกร่างนี้ไว้เมื่อ {Formatting.AdminFormat.Moment(latest.UpdatedAt)} หลังจากที่คุณเปิดไว้ ยังไม่ได้บันทึกการแก้ไขของคุณ โหลดฉบับล่าสุดก่อน",
        $"{latest.UpdatedBy} saved this draft at {latest.UpdatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC after you opened it; your change was not saved. Load the latest first.");

    private static VersionSummary Summary(SurveyVersion v, int rounds, bool newest) =>
        new(v.Id, v.FiscalYear, v.Number, v.Status, v.Origin, v.BasedOnId, v.UpdatedAt, v.UpdatedBy, v.PublishedAt, rounds, newest);
}
