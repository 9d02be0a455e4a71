using System.Security.Cryptography;
using System.Text;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Api;

/// <summary>Creates, finds and revokes personal API tokens. Tokens are random; only their hash is stored.</summary>
public sealed class ApiTokens(IDbContextFactory<ItaDbContext> databases, TimeProvider clock)
{
    public const string TokenPrefix = "itas_";

    /// <summary>Creates a token for a user and returns it in full: the only time it can be seen.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw new ArgumentException("A token needs a name of 1 to 100 characters.", nameof(name));
        }
        var secret = TokenPrefix + RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 40);
        var token = new ApiToken
        {
            UserId = userId, Name = name, Prefix = secret[..12], Hash = HashOf(secret), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The live token with this secret, or null.</summary>
    public async Task<ApiToken?> FindAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        var hash = HashOf(secret);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (token is not null && token.LastUsedOn != today)
        {
            token.LastUsedOn = today;
            await db.SaveChangesAsync(cancellationToken);
        }
        return token;
    }

    /// <summary>Revokes one of the user's tokens; false when the user has no such live token.</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var changed = await db.ApiTokens.Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return changed == 1;
    }

    public async Task<List<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
    }

    private static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
