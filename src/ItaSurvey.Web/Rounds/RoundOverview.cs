using System.Security.Claims;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Forms;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Rounds;

/// <summary>A round's page: the round with its agency and links, the user's rights and the year's minimum samples.</summary>
public sealed record RoundDetails(AssessmentRound Round, bool CanEdit, int IitMinimum, int? EitMinimum, int CodesIssued, int CodesUsed);

/// <summary>A round's setup, live response counts and single-use codes, within the user's scope.</summary>
public sealed class RoundOverview(IDbContextFactory<ItaDbContext> databases, AgencyAccess access, RoundAdmin rounds, AuditLog audit, SurveyLibrary surveys)
{
    public const int MaxCodesAtOnce = 1000;

    /// <summary>The round, or null when there is none or the user may not see its agency.</summary>
    public async Task<RoundDetails?> FindAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken = default)
    {
        if (await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return null;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Agency).Include(r => r.Links)
            .SingleAsync(r => r.Id == roundId, cancellationToken);
        var codes = await db.AccessCodes.AsNoTracking().Where(c => c.RoundId == roundId)
            .GroupBy(c => c.Used).Select(g => new { Used = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var rules = round.SurveyVersionId is { } version ? surveys.Version(version).Year.Model.MinimumSample : null;
        return new RoundDetails(round, await access.CanEditAsync(user, agencyId, cancellationToken),
            rules?.Iit.MinimumFor(round.Agency.StaffHeadcount) ?? 0, rules?.Eit.MinimumFor(round.Agency.AgencyGroup),
            codes.Sum(c => c.Count), codes.Where(c => c.Used).Sum(c => c.Count));
    }

    /// <summary>Responses stored per instrument: one indexed count, cheap enough to poll every few seconds.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Responses.AsNoTracking().Where(r => r.RoundId == roundId)
            .GroupBy(r => r.Instrument).Select(g => new { g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>Changes a round's dates and IIT mode; the fiscal year stays.</summary>
    public async Task<Outcome<AssessmentRound>> UpdateAsync(ClaimsPrincipal user, int roundId, RoundForm form, CancellationToken cancellationToken = default)
    {
        if (await EditableAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return Outcome<AssessmentRound>.Denied();
        }
        var errors = form.ValidateChange();
        if (errors.Any)
        {
            return Outcome<AssessmentRound>.Failed(errors);
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, cancellationToken);
        var before = AgencyDirectory.Describe(round);
        (round.OpensOn, round.ClosesOn, round.IitMode) = (form.OpensOn!.Value, form.ClosesOn!.Value, form.IitMode);
        var after = AgencyDirectory.Describe(round);
        if (before != after)
        {
            db.AuditEntries.Add(audit.Entry(user, "round.update", agencyId, $"round {roundId}: {before} → {after}"));
            await db.SaveChangesAsync(cancellationToken);
        }
        return Outcome<AssessmentRound>.Done(round);
    }

    /// <summary>New single-use IIT codes. The audit log records how many, never the codes.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> GenerateCodesAsync(ClaimsPrincipal user, int roundId, int? count, CancellationToken cancellationToken = default)
    {
        if (await EditableAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return Outcome<IReadOnlyList<string>>.Denied();
        }
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Rounds.Where(r => r.Id == roundId).Select(r => r.IitMode).SingleAsync(cancellationToken) != IitMode.SingleUseCodes)
            {
                return Outcome<IReadOnlyList<string>>.Failed(FormErrors.Of("", "รอบนี้ใช้ลิงก์เปิดสำหรับ IIT เปลี่ยนเป็นรหัสใช้ครั้งเดียวก่อนสร้างรหัส"));
            }
        }
        if (count is not (>= 1 and <= MaxCodesAtOnce))
        {
            return Outcome<IReadOnlyList<string>>.Failed(FormErrors.Of("count", $"จำนวนรหัสต้องอยู่ระหว่าง 1 ถึง {MaxCodesAtOnce:N0}"));
        }
        var codes = await rounds.GenerateAccessCodesAsync(roundId, count.Value, cancellationToken);
        await audit.RecordAsync(user, "codes.generate", agencyId, $"round {roundId}: {codes.Count} single-use codes", cancellationToken);
        return Outcome<IReadOnlyList<string>>.Done(codes);
    }

    /// <summary>The address respondents open, typed out in full: https://host/go/eit/ABC123.</summary>
    public static string SurveyUrl(string baseUri, string instrument, string code, string? accessCode = null) =>
        $"{baseUri.TrimEnd('/')}/go/{instrument.ToLowerInvariant()}/{code}" + (accessCode is null ? "" : "?k=" + accessCode);

    private async Task<int?> EditableAgencyAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken) =>
        await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is { } agencyId && await access.CanEditAsync(user, agencyId, cancellationToken)
            ? agencyId
            : null;
}
