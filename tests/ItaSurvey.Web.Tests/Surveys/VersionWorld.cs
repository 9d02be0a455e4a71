using System.Security.Claims;
using System.Text.Json.Nodes;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Surveys;

/// <summary>Helpers for tests of fiscal-year versions: a system administrator, stored versions, EIT responses.</summary>
internal static class VersionWorld
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static ClaimsPrincipal SystemAdmin { get; } = User("years@example.go.th", Roles.SystemAdmin);

    public static ClaimsPrincipal User(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, name), new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));

    public static SurveyVersions Versions(this SurveyApp app) => app.Services.GetRequiredService<SurveyVersions>();

    public static SurveyLibrary Library(this SurveyApp app) => app.Services.GetRequiredService<SurveyLibrary>();

    public static async Task<List<SurveyVersion>> StoredVersionsAsync(this SurveyApp app)
    {
        await using var db = await app.Db();
        return await db.SurveyVersions.AsNoTracking().Include(v => v.Files).OrderBy(v => v.Id).ToListAsync(Cancel);
    }

    public static async Task<int?> PinnedVersionAsync(this SurveyApp app, int roundId)
    {
        await using var db = await app.Db();
        return await db.Rounds.Where(r => r.Id == roundId).Select(r => r.SurveyVersionId).SingleAsync(Cancel);
    }

    public static async Task<ItaDbContext> Db(this SurveyApp app) =>
        await app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);

    /// <summary>A draft copied from the year's newest published version (or <paramref name="fromId"/>), for the same year or <paramref name="toYear"/>.</summary>
    public static async Task<VersionDetail> DraftOfAsync(this SurveyApp app, int fiscalYear, int? toYear = null, int? fromId = null)
    {
        var from = fromId ?? app.Library().LatestOf(fiscalYear)!.Id;
        var made = await app.Versions().CopyAsync(SystemAdmin, from, toYear ?? fiscalYear, Cancel);
        Assert.True(made.Succeeded, made.Failure?.Message.En);
        return (await app.Versions().GetAsync(made.Value, Cancel))!;
    }

    /// <summary>The draft's files with one file changed by <paramref name="change"/> on its JSON.</summary>
    public static Dictionary<string, string> Changed(VersionDetail draft, string file, Action<JsonNode> change)
    {
        var files = draft.Files.Files.ToDictionary(f => f.Name, f => f.Text);
        var node = JsonNode.Parse(files[file])!;
        change(node);
        files[file] = node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return files;
    }

    /// <summary>Saves and publishes a draft with the files given; returns its id.</summary>
    public static async Task<int> PublishAsync(this SurveyApp app, VersionDetail draft, Dictionary<string, string> files)
    {
        var saved = await app.Versions().SaveAsync(SystemAdmin, draft.Version.Id, draft.Version.Revision, files, Cancel);
        Assert.True(saved.Succeeded, saved.Failure?.Message.En);
        var published = await app.Versions().PublishAsync(SystemAdmin, draft.Version.Id, saved.Value, Cancel);
        Assert.True(published.Succeeded, published.Failure is { } f ? f.Message.En + string.Join("; ", f.Problems) : null);
        return draft.Version.Id;
    }

    /// <summary>Stores EIT responses to a round answered at one level throughout (the last level where a scale has fewer), as the public form stores them.</summary>
    public static async Task AddEitResponsesAsync(this SurveyApp app, int roundId, int count, byte level)
    {
        var versionId = (await app.PinnedVersionAsync(roundId))!.Value;
        var form = app.Library().Compiled(versionId, "EIT");
        await using var db = await app.Db();
        for (var i = 0; i < count; i++)
        {
            db.Responses.Add(new Response
            {
                RoundId = roundId, Instrument = "EIT", SubmittedOn = new DateOnly(2023, 4, 20), SubmissionKey = Guid.NewGuid(),
                FormVersion = form.Fingerprint, Answers = [.. Enumerable.Range(0, form.FieldCount).Select(f => Math.Min(level, (byte)(form.LevelCounts[f] - 1)))],
                RespondentGroup = "citizen",
            });
        }
        await db.SaveChangesAsync(Cancel);
    }
}
