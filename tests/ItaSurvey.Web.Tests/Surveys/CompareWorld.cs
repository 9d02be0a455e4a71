using System.Security.Claims;
using System.Text.Json.Nodes;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Surveys;

/// <summary>
/// Helpers for comparing versions: drafts copied from a version with one JSON change, published;
/// EIT responses stored as the public form stores them; what the database holds afterwards.
/// </summary>
internal static class CompareWorld
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static ClaimsPrincipal Admin { get; } = Principal("compare@example.go.th", Roles.SystemAdmin);

    public static ClaimsPrincipal Principal(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, name), new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));

    public static SurveyVersions VersionService(this SurveyApp app) => app.Services.GetRequiredService<SurveyVersions>();

    public static SurveyLibrary SurveyLibrary(this SurveyApp app) => app.Services.GetRequiredService<SurveyLibrary>();

    /// <summary>A draft copied from <paramref name="fromId"/> (default: the newest published 2566) with changes to its JSON files.</summary>
    public static async Task<VersionDetail> DraftAsync(this SurveyApp app, int? fromId = null, params (string File, Action<JsonNode> Change)[] changes)
    {
        var from = fromId ?? app.SurveyLibrary().LatestOf(2566)!.Id;
        var made = await app.VersionService().CopyAsync(Admin, from, 2566, Cancel);
        Assert.True(made.Succeeded, made.Failure?.Message.En);
        var draft = (await app.VersionService().GetAsync(made.Value, Cancel))!;
        if (changes.Length == 0)
        {
            return draft;
        }
        var files = draft.Files.Files.ToDictionary(f => f.Name, f => f.Text);
        foreach (var (file, change) in changes)
        {
            var node = JsonNode.Parse(files[file])!;
            change(node);
            files[file] = node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
        var saved = await app.VersionService().SaveAsync(Admin, draft.Version.Id, draft.Version.Revision, files, Cancel);
        Assert.True(saved.Succeeded, saved.Failure?.Message.En);
        return (await app.VersionService().GetAsync(made.Value, Cancel))!;
    }

    /// <summary>Publishes a draft as it is; returns its id.</summary>
    public static async Task<int> PublishDraftAsync(this SurveyApp app, VersionDetail draft)
    {
        var published = await app.VersionService().PublishAsync(Admin, draft.Version.Id, draft.Version.Revision, Cancel);
        Assert.True(published.Succeeded, published.Failure is { } f ? f.Message.En + string.Join("; ", f.Problems) : null);
        return draft.Version.Id;
    }

    /// <summary>A published 2566 version like the one given, with other points for the second level of scale A4 (same answer layout).</summary>
    public static async Task<int> PublishPointsAsync(this SurveyApp app, int fromId, double points) =>
        await app.PublishDraftAsync(await app.DraftAsync(fromId, ("model.json", m => SetA4Level(m, 1, points))));

    /// <summary>A published 2566 version like the one given without EIT question E2 (another answer layout).</summary>
    public static async Task<int> PublishWithoutE2Async(this SurveyApp app, int fromId) =>
        await app.PublishDraftAsync(await app.DraftAsync(fromId, ("eit.json", RemoveE2)));

    public static void SetA4Level(JsonNode model, int level, double points) =>
        model["scales"]!.AsArray().Single(s => (string?)s!["code"] == "A4")!["levels"]![level]!["points"] = points;

    public static void RemoveE2(JsonNode eit)
    {
        var questions = eit["questions"]!.AsArray();
        questions.Remove(questions.Single(q => (string?)q!["code"] == "E2"));
    }

    public static async Task<int?> PinOfAsync(this SurveyApp app, int roundId)
    {
        await using var db = await app.Db();
        return await db.Rounds.Where(r => r.Id == roundId).Select(r => r.SurveyVersionId).SingleAsync(Cancel);
    }

    public static async Task<ItaDbContext> Db(this SurveyApp app) =>
        await app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);

    public static async Task<List<string>> AuditDetailsAsync(this SurveyApp app, string action)
    {
        await using var db = await app.Db();
        return await db.AuditEntries.Where(e => e.Action == action).Select(e => e.Details ?? "").ToListAsync(Cancel);
    }

    /// <summary>Stores EIT responses to a round answered at one level throughout, under the round's pinned form.</summary>
    public static async Task AddEitAsync(this SurveyApp app, int roundId, int count, byte level)
    {
        var form = app.SurveyLibrary().Compiled((await app.PinOfAsync(roundId))!.Value, "EIT");
        await using var db = await app.Db();
        for (var i = 0; i < count; i++)
        {
            db.Responses.Add(new Response
            {
                RoundId = roundId, Instrument = "EIT", SubmittedOn = new DateOnly(2023, 4, 20), SubmissionKey = Guid.NewGuid(),
                FormVersion = form.Fingerprint, Answers = [.. Enumerable.Repeat(level, form.FieldCount)], RespondentGroup = "citizen",
            });
        }
        await db.SaveChangesAsync(Cancel);
    }
}
