using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Imports;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Demo;

/// <summary>
/// Creates the seed report's municipality with three fiscal years of synthetic responses and OIT
/// evidence, deterministically (a seeded random per year), straight through EF.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<ItaDbContext> databases, RoundAdmin rounds, SurveyLibrary surveys, AuditLog audit, TimeProvider clock)
{
    public const string NameTh = "เทศบาลตำบลคลองวาฬ";

    public const string Province = "ประจวบคีรีขันธ์";

    public const int Headcount = 85;

    /// <summary>Responses beyond the minimum sample, as agencies that collect a margin do.</summary>
    public const double Margin = 1.2;

    private static readonly (string Group, double Share)[] EitGroups = [("citizen", 0.7), ("business", 0.15), ("agency", 0.15)];

    public async Task<Agency?> FindAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Agencies.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(a => a.NameTh == NameTh && a.Province == Province, cancellationToken);
    }

    /// <summary>Creates the agency and its three rounds; returns the rounds, oldest first. Undone if any part fails.</summary>
    public async Task<(Agency Agency, IReadOnlyList<AssessmentRound> Rounds)> SeedAsync(CancellationToken cancellationToken = default)
    {
        var agency = await rounds.CreateAgencyAsync(new Agency
        {
            NameTh = NameTh, NameEn = "Khlong Wan Subdistrict Municipality", Province = Province,
            AgencyGroup = "tambon-municipality-s", StaffHeadcount = Headcount,
        }, cancellationToken);
        try
        {
            var created = new List<AssessmentRound>();
            foreach (var year in DemoYear.All)
            {
                created.Add(await SeedYearAsync(agency, year, cancellationToken));
            }
            await audit.RecordAsync(null, "demo.seed", agency.Id, "seed-demo: fiscal years 2564, 2565, 2566 with synthetic responses", cancellationToken);
            return (agency, created);
        }
        catch
        {
            await DeleteAsync(agency.Id, CancellationToken.None);
            throw;
        }
    }

    private async Task<AssessmentRound> SeedYearAsync(Agency agency, DemoYear year, CancellationToken cancellationToken)
    {
        var today = ThaiCalendar.Today(clock);
        // The newest year stays open a year from today, so its public links work in a demo.
        var latest = year.FiscalYear == DemoYear.All[^1].FiscalYear;
        var closesOn = latest && today.AddYears(1) > year.UsualCloseOn ? today.AddYears(1) : year.UsualCloseOn;
        var round = await rounds.CreateRoundAsync(agency.Id, year.FiscalYear, year.OpensOn, closesOn, IitMode.OpenLink, cancellationToken);

        var random = new Random(year.Seed);
        var definitions = surveys.Of(round);
        var rules = definitions.Model.MinimumSample;
        var lastAnswered = today >= year.OpensOn && today < year.UsualCloseOn ? today : year.UsualCloseOn;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        AddResponses(db, round, year, "IIT", Extra(rules.Iit.MinimumFor(Headcount)), lastAnswered, random);
        AddResponses(db, round, year, "EIT", Extra(rules.Eit.MinimumFor(agency.AgencyGroup) ?? 60), lastAnswered, random);
        db.OitEvidence.AddRange(DemoOit.For(round.Id, definitions.Questionnaire("OIT"), year));
        await db.SaveChangesAsync(cancellationToken);
        return round;
    }

    private void AddResponses(ItaDbContext db, AssessmentRound round, DemoYear year, string instrument, int count, DateOnly lastAnswered, Random random)
    {
        var form = surveys.Compiled(SurveyLibrary.VersionIdOf(round), instrument);
        var answers = new SyntheticAnswers(form, year, random);
        var days = lastAnswered.DayNumber - year.OpensOn.DayNumber;
        for (var i = 0; i < count; i++)
        {
            db.Responses.Add(new Response
            {
                RoundId = round.Id,
                Instrument = instrument,
                SubmittedOn = year.OpensOn.AddDays(random.Next(days + 1)),
                SubmissionKey = Guid.NewGuid(),
                FormVersion = form.Fingerprint,
                Answers = answers.Next(),
                RespondentGroup = instrument == "EIT" ? Group(random.NextDouble()) : null,
            });
        }
    }

    private static string Group(double draw)
    {
        foreach (var (group, share) in EitGroups)
        {
            if ((draw -= share) < 0)
            {
                return group;
            }
        }
        return EitGroups[0].Group;
    }

    private static int Extra(int minimum) => (int)Math.Ceiling(minimum * Margin);

    /// <summary>Deletes an agency with its rounds, links, codes, responses, OIT evidence and official results (the audit log stays).</summary>
    public async Task DeleteAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var roundIds = await db.Rounds.Where(r => r.AgencyId == agencyId).Select(r => r.Id).ToListAsync(cancellationToken);
        await db.Responses.Where(r => roundIds.Contains(r.RoundId)).ExecuteDeleteAsync(cancellationToken);
        await db.AccessCodes.Where(c => roundIds.Contains(c.RoundId)).ExecuteDeleteAsync(cancellationToken);
        await db.PublicLinks.Where(l => roundIds.Contains(l.RoundId)).ExecuteDeleteAsync(cancellationToken);
        await db.OitEvidenceUrls.Where(u => db.OitEvidence.Any(e => e.Id == u.EvidenceId && roundIds.Contains(e.RoundId))).ExecuteDeleteAsync(cancellationToken);
        await db.OitEvidence.Where(e => roundIds.Contains(e.RoundId)).ExecuteDeleteAsync(cancellationToken);
        await db.Rounds.Where(r => r.AgencyId == agencyId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<OfficialIndicatorScore>().Where(i => db.OfficialResults.Any(r => r.Id == i.OfficialResultId && r.AgencyId == agencyId)).ExecuteDeleteAsync(cancellationToken);
        await db.OfficialResults.Where(r => r.AgencyId == agencyId).ExecuteDeleteAsync(cancellationToken);
        await db.AgencyAssignments.Where(a => a.AgencyId == agencyId).ExecuteDeleteAsync(cancellationToken);
        await db.Agencies.Where(a => a.Id == agencyId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
