using System.Globalization;
using System.Security.Claims;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Forms;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Agencies;

/// <summary>An agency as the list shows it, with its latest round.</summary>
public sealed record AgencySummary(Agency Agency, string GroupName, RoundSummary? LatestRound);

/// <summary>A round as lists show it, with the responses received so far.</summary>
public sealed record RoundSummary(int Id, int FiscalYear, DateOnly OpensOn, DateOnly ClosesOn, IitMode IitMode, long IitResponses, long EitResponses);

/// <summary>An agency's page: the agency, whether the user may change it, and its rounds (newest first).</summary>
public sealed record AgencyDetails(Agency Agency, string GroupName, bool CanEdit, IReadOnlyList<RoundSummary> Rounds);

/// <summary>
/// The agencies a user may see, and the changes they may make to them. Every method checks the
/// user's scope itself, so a page that forgot to would still show nothing and change nothing.
/// </summary>
public sealed class AgencyDirectory(IDbContextFactory<ItaDbContext> databases, AgencyAccess access, RoundAdmin rounds, AuditLog audit, SurveyLibrary surveys)
{
    public async Task<IReadOnlyList<AgencySummary>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var visible = await access.VisibleAgenciesAsync(user, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var query = db.Agencies.AsNoTracking();
        if (visible is not null)
        {
            var allowed = visible.ToList();
            query = query.Where(a => allowed.Contains(a.Id));
        }
        var agencies = await query
            .OrderBy(a => a.Province).ThenBy(a => a.NameTh)
            .ToListAsync(cancellationToken);
        var ids = agencies.Select(a => a.Id).ToList();
        var latest = (await RoundsOfAsync(db, ids, cancellationToken))
            .GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Round.FiscalYear)!.Round);
        return agencies.Select(a => new AgencySummary(a, GroupName(surveys.Current, a.AgencyGroup), latest.GetValueOrDefault(a.Id))).ToList();
    }

    /// <summary>The agency, or null when there is none or the user may not see it.</summary>
    public async Task<AgencyDetails?> FindAsync(ClaimsPrincipal user, int agencyId, CancellationToken cancellationToken = default)
    {
        if (await access.VisibleAgencyAsync(user, agencyId, cancellationToken) is not { } agency)
        {
            return null;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var roundList = (await RoundsOfAsync(db, [agencyId], cancellationToken)).Select(r => r.Round).OrderByDescending(r => r.FiscalYear).ToList();
        return new AgencyDetails(agency, GroupName(surveys.Current, agency.AgencyGroup), await access.CanEditAsync(user, agencyId, cancellationToken), roundList);
    }

    /// <summary>Creates an agency. Only system administrators create agencies.</summary>
    public async Task<Outcome<Agency>> CreateAsync(ClaimsPrincipal user, AgencyForm form, CancellationToken cancellationToken = default)
    {
        if (!AgencyAccess.IsSystemAdmin(user))
        {
            return Outcome<Agency>.Denied();
        }
        var errors = form.Validate(surveys.Current);
        if (errors.Any)
        {
            return Outcome<Agency>.Failed(errors);
        }
        if (await rounds.FindAgencyAsync(form.NameTh, form.Province, cancellationToken) is { } existing)
        {
            return Outcome<Agency>.Failed(FormErrors.Of(nameof(AgencyForm.NameTh), Duplicate(existing)));
        }
        var agency = new Agency { NameTh = "", Province = "", AgencyGroup = "" };
        form.ApplyTo(agency);
        await rounds.CreateAgencyAsync(agency, cancellationToken);
        await audit.RecordAsync(user, "agency.create", agency.Id, $"{agency.NameTh}, {agency.Province}, group={agency.AgencyGroup}, headcount={agency.StaffHeadcount}", cancellationToken);
        return Outcome<Agency>.Done(agency);
    }

    public async Task<Outcome<Agency>> UpdateAsync(ClaimsPrincipal user, int agencyId, AgencyForm form, CancellationToken cancellationToken = default)
    {
        if (!await access.CanEditAsync(user, agencyId, cancellationToken))
        {
            return Outcome<Agency>.Denied();
        }
        var errors = form.Validate(surveys.Current);
        if (errors.Any)
        {
            return Outcome<Agency>.Failed(errors);
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken);
        if (agency is null)
        {
            return Outcome<Agency>.Denied();
        }
        var changes = form.ApplyTo(agency);
        if (changes.Length > 0)
        {
            db.AuditEntries.Add(audit.Entry(user, "agency.update", agencyId, Truncate(changes)));
            await db.SaveChangesAsync(cancellationToken);
        }
        return Outcome<Agency>.Done(agency);
    }

    /// <summary>Creates a round of the agency with its IIT and EIT public links.</summary>
    public async Task<Outcome<AssessmentRound>> CreateRoundAsync(ClaimsPrincipal user, int agencyId, RoundForm form, CancellationToken cancellationToken = default)
    {
        if (!await access.CanEditAsync(user, agencyId, cancellationToken))
        {
            return Outcome<AssessmentRound>.Denied();
        }
        List<int> taken;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            taken = await db.Rounds.Where(r => r.AgencyId == agencyId).Select(r => r.FiscalYear).ToListAsync(cancellationToken);
        }
        var errors = form.ValidateNew(surveys.Current, taken);
        if (errors.Any)
        {
            return Outcome<AssessmentRound>.Failed(errors);
        }
        AssessmentRound round;
        try
        {
            round = await rounds.CreateRoundAsync(agencyId, form.FiscalYear!.Value, form.OpensOn!.Value, form.ClosesOn!.Value, form.IitMode, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else created the same year's round a moment ago: the unique index refused this one.
            return Outcome<AssessmentRound>.Failed(FormErrors.Of(nameof(RoundForm.FiscalYear), $"หน่วยงานนี้มีรอบการประเมินปีงบประมาณ พ.ศ. {form.FiscalYear} แล้ว"));
        }
        await audit.RecordAsync(user, "round.create", agencyId, $"round {round.Id}: {Describe(round)}", cancellationToken);
        return Outcome<AssessmentRound>.Done(round);
    }

    /// <summary>What the agency form says when the agency exists already (same Thai name and province).</summary>
    public static string Duplicate(Agency existing) =>
        $"มีหน่วยงาน “{existing.NameTh}” จังหวัด{existing.Province} ในระบบแล้ว (รหัส {existing.Id}) เปิดรอบการประเมินปีใหม่ได้ที่หน้าของหน่วยงานนั้น ไม่ต้องเพิ่มหน่วยงานซ้ำ";

    /// <summary>The Thai name of an agency group from the newest year that defines it, or the code itself.</summary>
    public static string GroupName(SurveyCatalog catalog, string code) =>
        catalog.Years.OrderByDescending(y => y.FiscalYear).SelectMany(y => y.Model.MinimumSample.Eit.Groups)
            .FirstOrDefault(g => g.Code == code)?.Name.Th ?? code;

    public static string Describe(AssessmentRound round) =>
        string.Create(CultureInfo.InvariantCulture, $"fiscal year {round.FiscalYear}, {round.OpensOn:yyyy-MM-dd}..{round.ClosesOn:yyyy-MM-dd}, IIT {round.IitMode}");

    public static string Truncate(string details) => details.Length <= 2000 ? details : details[..1999] + "…";

    private static async Task<List<(int AgencyId, RoundSummary Round)>> RoundsOfAsync(ItaDbContext db, List<int> agencyIds, CancellationToken cancellationToken)
    {
        var list = await db.Rounds.AsNoTracking().Where(r => agencyIds.Contains(r.AgencyId)).ToListAsync(cancellationToken);
        var roundIds = list.Select(r => r.Id).ToList();
        var counts = await db.Responses.AsNoTracking().Where(r => roundIds.Contains(r.RoundId))
            .GroupBy(r => new { r.RoundId, r.Instrument })
            .Select(g => new { g.Key.RoundId, g.Key.Instrument, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        long Count(int round, string instrument) => counts.FirstOrDefault(c => c.RoundId == round && c.Instrument == instrument)?.Count ?? 0;
        return list.Select(r => (r.AgencyId, new RoundSummary(r.Id, r.FiscalYear, r.OpensOn, r.ClosesOn, r.IitMode, Count(r.Id, "IIT"), Count(r.Id, "EIT")))).ToList();
    }
}
