using System.Globalization;
using System.Security.Claims;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Imports;

/// <summary>The result of an import: how many rows were stored, or every error (and then nothing was stored).</summary>
public sealed record ImportOutcome(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports official past results in one transaction: all rows or none. A row for an agency and
/// fiscal year already stored replaces it. One audit entry per agency imported.
/// </summary>
public sealed class OfficialResultsImport(IDbContextFactory<ItaDbContext> databases, AuditLog audit, Trends.OverviewYearCache overview)
{
    public async Task<ImportOutcome> ImportAsync(TextReader csv, ClaimsPrincipal? user, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Select(a => new KnownAgency(a.Id, a.NameTh, a.Province)).ToListAsync(cancellationToken);
        var file = OfficialResultsCsv.Read(csv, agencies);
        if (file.Errors.Count > 0)
        {
            return new ImportOutcome(0, file.Errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var agencyIds = file.Rows.Select(r => r.AgencyId).Distinct().ToList();
        var stored = await db.OfficialResults.Include(r => r.Indicators)
            .Where(r => agencyIds.Contains(r.AgencyId))
            .ToDictionaryAsync(r => (r.AgencyId, r.FiscalYear), cancellationToken);
        foreach (var row in file.Rows)
        {
            if (!stored.TryGetValue((row.AgencyId, row.FiscalYear), out var result))
            {
                result = new OfficialResult { AgencyId = row.AgencyId, FiscalYear = row.FiscalYear };
                db.OfficialResults.Add(result);
            }
            result.Total = row.Total;
            foreach (var (code, score) in row.Indicators)
            {
                var indicator = result.Indicators.FirstOrDefault(i => i.IndicatorCode == code);
                if (indicator is null)
                {
                    result.Indicators.Add(new OfficialIndicatorScore { IndicatorCode = code, Score = score });
                }
                else
                {
                    indicator.Score = score;
                }
            }
        }
        foreach (var agency in file.Rows.GroupBy(r => r.AgencyId))
        {
            var years = agency.Select(r => r.FiscalYear).Order().ToList();
            var replaced = years.Where(y => stored.ContainsKey((agency.Key, y))).ToList();
            var details = $"fiscal years {Join(years)}" + (replaced.Count > 0 ? $"; replaced {Join(replaced)}" : "");
            db.AuditEntries.Add(audit.Entry(user, "results.import", agency.Key, details));
        }
        await db.SaveChangesAsync(cancellationToken);
        await overview.InvalidateAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(file.Rows.Count, []);
    }

    private static string Join(IEnumerable<int> years) => string.Join(", ", years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
}
