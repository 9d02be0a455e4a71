using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ItaSurvey.Web.Responding;

/// <summary>
/// Finds the round and agency behind a public short link. Links are read on every form view and
/// post, so each is kept in memory for a short while; a change to a round's dates reaches the
/// public pages within <see cref="CacheFor"/> on every instance.
/// </summary>
public sealed class SurveyLinks(IDbContextFactory<ItaDbContext> databases, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<SurveyLink?> FindAsync(string instrument, string code, CancellationToken cancellationToken)
    {
        code = ShortCodes.Normalize(code);
        if (!ShortCodes.IsWellFormed(code, ShortCodes.PublicLinkLength))
        {
            return null;
        }
        var link = await cache.GetOrCreateAsync("link:" + code, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            return await db.PublicLinks.AsNoTracking()
                .Where(l => l.Code == code)
                .Select(l => new SurveyLink(l.Code, l.Instrument, l.RoundId, l.Round.FiscalYear, l.Round.SurveyVersionId ?? 0, l.Round.OpensOn, l.Round.ClosesOn,
                    l.Round.IitMode, l.Round.Agency.NameTh, l.Round.Agency.NameEn))
                .SingleOrDefaultAsync(cancellationToken);
        });
        if (link is null)
        {
            cache.Remove("link:" + code); // misses are not kept: probing codes must not fill memory
            return null;
        }
        return string.Equals(link.Instrument, instrument, StringComparison.OrdinalIgnoreCase) ? link : null;
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
