using ItaSurvey.Core.Loading;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Surveys;

/// <summary>The app's own <c>surveys/</c> folder, read and checked while the app is built.</summary>
/// <param name="Years">Each fiscal year's files with the year they define.</param>
public sealed record SurveyFolder(IReadOnlyList<(YearFiles Files, SurveyYear Year)> Years)
{
    /// <summary>The years read, by content hash, so that the library need not check them again.</summary>
    public IReadOnlyDictionary<string, SurveyYear> ByHash { get; } = Years.ToDictionary(y => y.Files.ContentHash, y => y.Year);

    /// <summary>Reads and checks the folder; throws with every problem when any file is wrong.</summary>
    public static SurveyFolder Read(string root)
    {
        var result = SurveyLoader.Load(root);
        if (!result.IsValid)
        {
            throw new SurveyDefinitionException(result.Problems);
        }
        // The files as the loader read them: each is read from disk once.
        return new(result.Files.Zip(result.Catalog!.Years).ToList());
    }
}

/// <summary>
/// Brings the built-in library into the database as the app starts: each year of <c>surveys/</c>
/// whose content is new becomes a published version (by content hash, so a restart adds nothing),
/// and every round not yet pinned (made before versions existed) is pinned to its year's version.
/// </summary>
public sealed class SurveyImport(IDbContextFactory<ItaDbContext> databases, SurveyFolder folder, SurveyLibrary library, TimeProvider clock, ILogger<SurveyImport> log)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (files, _) in folder.Years)
        {
            var (version, created) = await PublishedVersions.ImportAsync(databases, files, "library", "surveys/", clock, cancellationToken);
            if (created)
            {
                log.LogInformation("Fiscal year {Year} from surveys/ is published as version {Number}.", files.FiscalYear, version.Number);
            }
        }
        await PinUnpinnedRoundsAsync(cancellationToken);
        await library.RefreshAsync(folder.ByHash, cancellationToken);
    }

    // Rounds from before versions existed are pinned to the version of their year's files in
    // surveys/ (the definitions they were collected under), else to the year's newest version.
    private async Task PinUnpinnedRoundsAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var years = await db.Rounds.Where(r => r.SurveyVersionId == null).Select(r => r.FiscalYear).Distinct().ToListAsync(cancellationToken);
        foreach (var year in years)
        {
            var hash = folder.Years.Where(y => y.Files.FiscalYear == year).Select(y => y.Files.ContentHash).FirstOrDefault();
            var published = db.SurveyVersions.Where(v => v.FiscalYear == year && v.Status == SurveyVersionStatus.Published);
            var versionId = await published.Where(v => v.ContentHash == hash).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken)
                ?? await published.OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken);
            if (versionId is { } id)
            {
                var pinned = await db.Rounds.Where(r => r.FiscalYear == year && r.SurveyVersionId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.SurveyVersionId, id), cancellationToken);
                log.LogInformation("{Count} round(s) of fiscal year {Year} are pinned to questionnaire version {Id}.", pinned, year, id);
            }
            else
            {
                log.LogWarning("Rounds of fiscal year {Year} have no questionnaire version: the year is neither in surveys/ nor published.", year);
            }
        }
    }
}

/// <summary>Runs <see cref="SurveyImport"/> as the app starts, after the migrations and before requests.</summary>
internal sealed class SurveyImportOnStart(SurveyImport import) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => import.RunAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
