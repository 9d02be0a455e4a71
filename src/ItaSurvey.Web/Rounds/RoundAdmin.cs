using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Rounds;

/// <summary>Sets up agencies, rounds, their public links and single-use codes.</summary>
public sealed class RoundAdmin(IDbContextFactory<ItaDbContext> databases, SurveyLibrary surveys)
{
    /// <summary>The instruments that respondents answer through a public link.</summary>
    public static readonly string[] LinkedInstruments = ["IIT", "EIT"];

    public async Task<Agency> CreateAgencyAsync(Agency agency, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(cancellationToken);
        return agency;
    }

    /// <summary>
    /// The stored agency with this Thai name in this province, compared after trimming and
    /// normalising white space (<see cref="AgencyNames"/>); null when there is none. Creating an
    /// agency a second time (another fiscal year, say) would split its rounds and trends in two.
    /// </summary>
    public async Task<Agency?> FindAgencyAsync(string nameTh, string province, CancellationToken cancellationToken = default)
    {
        var (name, place) = (AgencyNames.Normalize(nameTh), AgencyNames.Normalize(province));
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // Names stored before this check may carry odd spacing, so the comparison is made here, not in SQL;
        // even 8,300 agencies are a few hundred kilobytes of names.
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.NameTh, a.Province }).ToListAsync(cancellationToken);
        var match = agencies.Where(a => AgencyNames.Normalize(a.NameTh) == name && AgencyNames.Normalize(a.Province) == place).Select(a => (int?)a.Id).Min();
        return match is null ? null : await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == match, cancellationToken);
    }

    /// <summary>
    /// Creates a round with one public link per perception instrument, pinned to the newest
    /// published version of its fiscal year (as every instance knows it now).
    /// </summary>
    public async Task<AssessmentRound> CreateRoundAsync(int agencyId, int fiscalYear, DateOnly opensOn, DateOnly closesOn, IitMode iitMode,
        CancellationToken cancellationToken = default)
    {
        await surveys.RefreshAsync(cancellationToken);
        if (surveys.LatestOf(fiscalYear) is not { } version)
        {
            throw new ArgumentException($"No questionnaire set is defined for fiscal year {fiscalYear} (defined: {string.Join(", ", surveys.Current.Years.Select(y => y.FiscalYear))}).", nameof(fiscalYear));
        }
        if (closesOn < opensOn)
        {
            throw new ArgumentException("The round closes before it opens.", nameof(closesOn));
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = new AssessmentRound
        {
            AgencyId = agencyId, FiscalYear = fiscalYear, SurveyVersionId = version.Id, OpensOn = opensOn, ClosesOn = closesOn, IitMode = iitMode,
        };
        foreach (var instrument in LinkedInstruments)
        {
            round.Links.Add(new PublicLink { Code = await UnusedLinkCodeAsync(db, cancellationToken), Instrument = instrument });
        }
        db.Rounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return round;
    }

    /// <summary>Generates <paramref name="count"/> new single-use IIT codes for a round.</summary>
    public async Task<IReadOnlyList<string>> GenerateAccessCodesAsync(int roundId, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 10_000);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, cancellationToken))
        {
            throw new ArgumentException($"There is no round {roundId}.", nameof(roundId));
        }
        // 31^10 codes: a collision is astronomically rare, and the primary key would still refuse it.
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < count)
        {
            codes.Add(ShortCodes.New(ShortCodes.AccessCodeLength));
        }
        db.AccessCodes.AddRange(codes.Select(c => new AccessCode { Code = c, RoundId = roundId }));
        await db.SaveChangesAsync(cancellationToken);
        return codes.ToList();
    }

    private static async Task<string> UnusedLinkCodeAsync(ItaDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = ShortCodes.New(ShortCodes.PublicLinkLength);
            if (!await db.PublicLinks.AnyAsync(l => l.Code == code, cancellationToken) && db.PublicLinks.Local.All(l => l.Code != code))
            {
                return code;
            }
        }
    }
}
