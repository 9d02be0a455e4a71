using ItaSurvey.Core.Loading;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Surveys;

/// <summary>Writing versions: numbering them per year, importing published ones, and telling every instance.</summary>
public static class PublishedVersions
{
    /// <summary>
    /// Adds a year's files as a published version unless the same content is published already
    /// (idempotent, by content hash): the built-in library at start, and <c>import-year</c>.
    /// Returns the version and whether it was made now. The caller has checked the files.
    /// </summary>
    public static async Task<(SurveyVersion Version, bool Created)> ImportAsync(IDbContextFactory<ItaDbContext> databases, YearFiles files,
        string origin, string actor, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var hash = files.ContentHash;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            if (await db.SurveyVersions.AsNoTracking().FirstOrDefaultAsync(v => v.FiscalYear == files.FiscalYear && v.Status == SurveyVersionStatus.Published && v.ContentHash == hash, cancellationToken) is { } existing)
            {
                return (existing, false);
            }
            var version = New(files, SurveyVersionStatus.Published, origin, null, actor, clock.GetUtcNow().UtcDateTime);
            version.Number = await NextNumberAsync(db, files.FiscalYear, cancellationToken);
            version.PublishedAt = version.CreatedAt;
            version.PublishedBy = actor;
            db.SurveyVersions.Add(version);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await RaiseAsync(db, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return (version, true);
            }
            catch (DbUpdateException e) when (DatabaseSetup.IsUniqueViolation(e) && attempt < 5)
            {
                // Another instance numbered a version of the year at the same moment: look again.
            }
        }
    }

    internal static SurveyVersion New(YearFiles files, SurveyVersionStatus status, string origin, int? basedOn, string actor, DateTime now) => new()
    {
        FiscalYear = files.FiscalYear,
        Status = status,
        ContentHash = files.ContentHash,
        Origin = origin,
        BasedOnId = basedOn,
        CreatedAt = now,
        CreatedBy = actor,
        UpdatedAt = now,
        UpdatedBy = actor,
        Revision = 1,
        Files = files.Files.Select(f => new SurveyVersionFile { Name = f.Name, Text = f.Text }).ToList(),
    };

    internal static async Task<int> NextNumberAsync(ItaDbContext db, int fiscalYear, CancellationToken cancellationToken) =>
        (await db.SurveyVersions.Where(v => v.FiscalYear == fiscalYear).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;

    internal static Task RaiseAsync(ItaDbContext db, CancellationToken cancellationToken) =>
        db.DataVersions.Where(v => v.Name == DataVersion.Surveys).ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
}
