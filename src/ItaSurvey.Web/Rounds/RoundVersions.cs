using System.Security.Claims;
using ItaSurvey.Core.Versions;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Rounds;

/// <summary>A published version as the re-pin page lists it.</summary>
public sealed record PinnableVersion(int Id, int FiscalYear, int Number, DateTime? PublishedAt, string? PublishedBy);

/// <summary>A round's pinned version and the other published versions of its fiscal year.</summary>
public sealed record RoundPin(int RoundId, int AgencyId, string AgencyNameTh, int FiscalYear, PinnableVersion Current,
    IReadOnlyList<PinnableVersion> Others, bool CanEdit);

/// <summary>What re-pinning a round to a candidate would do: why not, or its scores before and after.</summary>
public sealed record RepinPreview(PinnableVersion Candidate, LayoutComparison Layout, ScoreComparison? Scores);

/// <summary>The result of a re-pin: the version now pinned, or the failure and (for another layout) every reason.</summary>
public sealed record RepinOutcome(PinnableVersion? Pinned, VersionFailure? Failure, IReadOnlyList<LayoutReason> Reasons)
{
    public bool Succeeded => Failure is null;

    public static RepinOutcome Fail(VersionFailure failure, IReadOnlyList<LayoutReason>? reasons = null) => new(null, failure, reasons ?? []);
}

/// <summary>
/// Re-pins a round to another published version of its fiscal year, such as one with the official
/// points per answer level: only when the answer layout is the same (<see cref="LayoutCheck"/>), only
/// by someone who may edit the agency, and only if nobody re-pinned it meanwhile. The round's
/// score snapshot is dropped so that overviews recompute, and the re-pin is audited.
/// </summary>
public sealed class RoundVersions(IDbContextFactory<ItaDbContext> databases, SurveyLibrary library, RoundResults results, AgencyAccess access, AuditLog audit)
{
    /// <summary>The round's pin and the alternatives, or null when the user may not see the round (or there is none).</summary>
    public async Task<RoundPin?> FindAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken = default)
    {
        if (await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return null;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new { r.FiscalYear, r.SurveyVersionId, r.Agency.NameTh }).SingleAsync(cancellationToken);
        var versions = await db.SurveyVersions.AsNoTracking()
            .Where(v => v.FiscalYear == round.FiscalYear && v.Status == SurveyVersionStatus.Published).OrderBy(v => v.Number)
            .Select(v => new PinnableVersion(v.Id, v.FiscalYear, v.Number, v.PublishedAt, v.PublishedBy)).ToListAsync(cancellationToken);
        var current = versions.FirstOrDefault(v => v.Id == round.SurveyVersionId);
        if (current is null)
        {
            return null; // not pinned yet (only before the first start pins old rounds)
        }
        return new RoundPin(roundId, agencyId, round.NameTh, round.FiscalYear, current, versions.Where(v => v.Id != current.Id).ToList(),
            await access.CanEditAsync(user, agencyId, cancellationToken));
    }

    /// <summary>Whether the round may be pinned to <paramref name="candidateId"/> and, if so, its scores now and under the candidate.</summary>
    public async Task<RepinPreview?> PreviewAsync(RoundPin pin, int candidateId, CancellationToken cancellationToken = default)
    {
        if (pin.Others.FirstOrDefault(v => v.Id == candidateId) is not { } candidate)
        {
            return null;
        }
        var (from, to) = (library.Version(pin.Current.Id).Year, library.Version(candidate.Id).Year);
        var layout = LayoutCheck.Compare(from, to);
        if (!layout.IsCompatible)
        {
            return new RepinPreview(candidate, layout, null);
        }
        var before = await results.AnalyzeAsync(pin.RoundId, cancellationToken);
        var after = await results.ScoreUnderAsync(pin.RoundId, to, cancellationToken);
        return new RepinPreview(candidate, layout, before is null || after is null ? null : ScoreComparison.Of(before.Result, after.Result));
    }

    /// <summary>
    /// Pins the round to <paramref name="versionId"/> if it is still pinned to <paramref name="expectedVersionId"/>
    /// and the two versions share the answer layout; otherwise nothing changes.
    /// </summary>
    public async Task<RepinOutcome> RepinAsync(ClaimsPrincipal user, int roundId, int versionId, int expectedVersionId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(user, roundId, cancellationToken) is not { } pin)
        {
            return RepinOutcome.Fail(VersionFailure.Of(VersionFailureKind.NotFound,
                $"ไม่พบรอบการประเมิน {roundId} ที่ท่านเข้าถึงได้", $"There is no round {roundId} that you may see."));
        }
        if (!pin.CanEdit)
        {
            return RepinOutcome.Fail(VersionFailure.Of(VersionFailureKind.Denied,
                "ท่านดูรอบนี้ได้แต่เปลี่ยนฉบับแบบประเมินไม่ได้ ต้องมีบทบาท SystemAdmin หรือ AgencyAdmin ของหน่วยงานนี้",
                "You may see this round but not re-pin it: that needs the SystemAdmin role or AgencyAdmin of the agency."));
        }
        if (pin.Current.Id != expectedVersionId)
        {
            return RepinOutcome.Fail(Moved(pin.Current));
        }
        if (versionId == pin.Current.Id)
        {
            return RepinOutcome.Fail(VersionFailure.Of(VersionFailureKind.Duplicate,
                $"รอบนี้ใช้ฉบับที่ {pin.Current.Number} อยู่แล้ว", $"The round is already pinned to version {pin.Current.Number}."));
        }
        if (pin.Others.FirstOrDefault(v => v.Id == versionId) is not { } target)
        {
            return RepinOutcome.Fail(VersionFailure.Of(VersionFailureKind.NotFound,
                $"ไม่มีฉบับ {versionId} ที่เผยแพร่แล้วของปีงบประมาณ {pin.FiscalYear}",
                $"There is no published version {versionId} of fiscal year {pin.FiscalYear}."));
        }
        var layout = LayoutCheck.Compare(library.Version(pin.Current.Id).Year, library.Version(target.Id).Year);
        if (!layout.IsCompatible)
        {
            return RepinOutcome.Fail(VersionFailure.Of(VersionFailureKind.Incompatible,
                $"เปลี่ยนเป็นฉบับที่ {target.Number} ไม่ได้ เพราะรูปแบบคำตอบต่างกัน: " + string.Join(" ", layout.Reasons.Select(r => r.Message.Th)),
                $"Version {target.Number} has another answer layout: " + string.Join(" ", layout.Reasons.Select(r => r.Message.En))), layout.Reasons);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Guarded by the version the caller saw: a re-pin made meanwhile leaves no row to update.
        var updated = await db.Rounds.Where(r => r.Id == roundId && r.SurveyVersionId == expectedVersionId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SurveyVersionId, versionId), cancellationToken);
        if (updated == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var now = await FindAsync(user, roundId, cancellationToken);
            return RepinOutcome.Fail(now is null ? VersionFailure.NotFound() : Moved(now.Current));
        }
        await db.RoundScoreSnapshots.Where(s => s.RoundId == roundId).ExecuteDeleteAsync(cancellationToken);
        await PublishedVersions.RaiseAsync(db, cancellationToken);
        db.AuditEntries.Add(audit.Entry(user, "round-repinned", pin.AgencyId,
            $"round {roundId} ({pin.FiscalYear}): from version {pin.Current.Number} (id {pin.Current.Id}) to version {target.Number} (id {target.Id})"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RepinOutcome(target, null, []);
    }

    private static VersionFailure Moved(PinnableVersion now) => VersionFailure.Of(VersionFailureKind.Stale,
        $"มีผู้เปลี่ยนฉบับของรอบนี้ไปแล้วระหว่างนั้น ขณะนี้ใช้ {now.FiscalYear} ฉบับที่ {now.Number} ยังไม่ได้เปลี่ยนอะไร โหลดหน้าใหม่แล้วตรวจอีกครั้ง",
        $"Someone re-pinned this round meanwhile: it now uses {now.FiscalYear} version {now.Number}. Nothing was changed; reload and check again.");
}
