using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Responding;

/// <summary>Finds the round and agency behind a public short link.</summary>
public sealed class SurveyLinks(IDbContextFactory<ItaDbContext> databases)
{
    public async Task<SurveyLink?> FindAsync(string instrument, string code, CancellationToken cancellationToken)
    {
        code = ShortCodes.Normalize(code);
        if (!ShortCodes.IsWellFormed(code, ShortCodes.PublicLinkLength))
        {
            return null;
        }
        var upper = instrument.ToUpperInvariant();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.PublicLinks.AsNoTracking()
            .Where(l => l.Code == code && l.Instrument == upper)
            .Select(l => new SurveyLink(l.Code, l.Instrument, l.RoundId, l.Round.FiscalYear, l.Round.OpensOn, l.Round.ClosesOn,
                l.Round.IitMode, l.Round.Agency.NameTh, l.Round.Agency.NameEn))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether a single-use code of the round exists, and whether it was used.</summary>
    public async Task<(bool Exists, bool Used)> AccessCodeStateAsync(int roundId, string accessCode, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var used = await db.AccessCodes.AsNoTracking()
            .Where(c => c.Code == accessCode && c.RoundId == roundId)
            .Select(c => (bool?)c.Used)
            .SingleOrDefaultAsync(cancellationToken);
        return (used is not null, used == true);
    }
}
