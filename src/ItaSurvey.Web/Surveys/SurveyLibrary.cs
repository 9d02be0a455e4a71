using System.Collections.Concurrent;
using ItaSurvey.Core.Loading;
using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Rounds;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Surveys;

/// <summary>
/// A published version of a fiscal year, read and checked. <c>Provisional</c> is true when a note
/// of the set says it is unconfirmed or provisional: pages show a banner.
/// </summary>
public sealed record PublishedSurvey(int Id, int FiscalYear, int Number, string ContentHash, SurveyYear Year, bool Provisional);

/// <summary>
/// The published fiscal-year versions, held in memory: a published version never changes, so each
/// is read and checked once. Which version is the newest of each year is re-read when the shared
/// counter <see cref="DataVersion.Surveys"/> moves, so every instance sees a publish without a restart.
/// </summary>
public sealed class SurveyLibrary(IDbContextFactory<ItaDbContext> databases, TimeProvider clock)
{
    /// <summary>How often a request may look for versions published on another instance.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<int, PublishedSurvey> _versions = new();
    private readonly ConcurrentDictionary<(int, string), CompiledQuestionnaire> _compiled = new();
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Snapshot _snapshot = new(-1, new SurveyCatalog([]), new Dictionary<int, PublishedSurvey>());
    private long _checkedAt = long.MinValue;

    private sealed record Snapshot(long Version, SurveyCatalog Catalog, IReadOnlyDictionary<int, PublishedSurvey> Latest);

    /// <summary>The newest published version of every fiscal year: what a new round is opened with.</summary>
    public SurveyCatalog Current => _snapshot.Catalog;

    /// <summary>The newest published version of each fiscal year, by year.</summary>
    public IReadOnlyDictionary<int, PublishedSurvey> Latest => _snapshot.Latest;

    /// <summary>The newest published version of a fiscal year, or null when none is published.</summary>
    public PublishedSurvey? LatestOf(int fiscalYear) => _snapshot.Latest.GetValueOrDefault(fiscalYear);

    /// <summary>A published version by id (read from the database the first time it is asked for).</summary>
    public PublishedSurvey Version(int versionId)
    {
        if (_versions.TryGetValue(versionId, out var known))
        {
            return known;
        }
        using var db = databases.CreateDbContext();
        var version = db.SurveyVersions.AsNoTracking().Include(v => v.Files)
            .SingleOrDefault(v => v.Id == versionId && v.Status == SurveyVersionStatus.Published)
            ?? throw new KeyNotFoundException($"No published questionnaire version {versionId}.");
        return Remember(version, null);
    }

    /// <summary>The definitions a round is scored by: the version it is pinned to.</summary>
    public SurveyYear Of(AssessmentRound round) => Version(VersionIdOf(round)).Year;

    /// <summary>The version id a round is pinned to.</summary>
    public static int VersionIdOf(AssessmentRound round) =>
        round.SurveyVersionId ?? throw new InvalidOperationException($"Round {round.Id} is not pinned to a questionnaire version.");

    /// <summary>The compiled questionnaire of an instrument of a published version.</summary>
    public CompiledQuestionnaire Compiled(int versionId, string instrument) =>
        _compiled.GetOrAdd((versionId, instrument), key =>
        {
            var year = Version(key.Item1).Year;
            return new CompiledQuestionnaire(year.Model, year.Questionnaire(key.Item2));
        });

    /// <summary>The compiled questionnaire of an instrument in the newest published version of a fiscal year.</summary>
    public CompiledQuestionnaire LatestCompiled(int fiscalYear, string instrument) =>
        Compiled((LatestOf(fiscalYear) ?? throw new KeyNotFoundException($"Fiscal year {fiscalYear} has no published version.")).Id, instrument);

    /// <summary>Re-reads the newest version of each year when the shared counter has moved (a cheap read otherwise).</summary>
    public Task RefreshAsync(CancellationToken cancellationToken = default) => RefreshAsync(null, cancellationToken);

    /// <summary>
    /// As <see cref="RefreshAsync(CancellationToken)"/>, reusing years already read (by content
    /// hash) instead of checking their files again: the app's own <c>surveys/</c> at start.
    /// </summary>
    public async Task RefreshAsync(IReadOnlyDictionary<string, SurveyYear>? known, CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var counter = await db.DataVersions.Where(v => v.Name == DataVersion.Surveys).Select(v => v.Version).SingleOrDefaultAsync(cancellationToken);
            if (counter == _snapshot.Version)
            {
                return;
            }
            var ids = await db.SurveyVersions.AsNoTracking().Where(v => v.Status == SurveyVersionStatus.Published)
                .Select(v => new { v.Id, v.FiscalYear, v.Number }).ToListAsync(cancellationToken);
            var latestIds = ids.GroupBy(v => v.FiscalYear).Select(g => g.MaxBy(v => v.Number)!.Id).ToList();
            var missing = latestIds.Where(id => !_versions.ContainsKey(id)).ToList();
            if (missing.Count > 0)
            {
                var rows = await db.SurveyVersions.AsNoTracking().Include(v => v.Files).Where(v => missing.Contains(v.Id)).ToListAsync(cancellationToken);
                foreach (var row in rows)
                {
                    Remember(row, known);
                }
            }
            var latest = latestIds.Select(id => _versions[id]).ToDictionary(v => v.FiscalYear);
            _snapshot = new Snapshot(counter, new SurveyCatalog(latest.Values.OrderBy(v => v.FiscalYear).Select(v => v.Year).ToList()), latest);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Refreshes at most once per <see cref="CheckEvery"/>: called as requests arrive.</summary>
    public Task RefreshIfDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref _checkedAt);
        if (last != long.MinValue && clock.GetElapsedTime(last, now) < CheckEvery)
        {
            return Task.CompletedTask;
        }
        Interlocked.Exchange(ref _checkedAt, now);
        return RefreshAsync(cancellationToken);
    }

    /// <summary>True when a note of any file says the set is unconfirmed or provisional.</summary>
    public static bool IsProvisional(SurveyYear year) =>
        new[] { year.Model.Note, year.Model.Source }.Concat(year.Questionnaires.Values.SelectMany(q => new[] { q.Note, q.Source }))
            .Any(note => note is not null && ProvisionalWords.Any(w => note.Contains(w, StringComparison.OrdinalIgnoreCase)));

    private static readonly string[] ProvisionalWords = ["unconfirmed", "provisional", "ยังไม่ยืนยัน", "ชั่วคราว"];

    private PublishedSurvey Remember(SurveyVersion version, IReadOnlyDictionary<string, SurveyYear>? known)
    {
        var year = known?.GetValueOrDefault(version.ContentHash) ?? Read(version);
        var published = new PublishedSurvey(version.Id, version.FiscalYear, version.Number, version.ContentHash, year, IsProvisional(year));
        return _versions.GetOrAdd(version.Id, published);
    }

    /// <summary>Reads a stored version's files with every check of the loader.</summary>
    public static YearFiles FilesOf(SurveyVersion version) =>
        new(version.FiscalYear, version.Files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => YearFile.Stored(version.FiscalYear, f.Name, f.Text)).ToList());

    private static SurveyYear Read(SurveyVersion version)
    {
        var result = SurveyLoader.LoadYear(FilesOf(version));
        return result.Year ?? throw new SurveyDefinitionException(result.Problems);
    }
}
