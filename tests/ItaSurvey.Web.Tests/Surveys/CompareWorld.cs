using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using static ItaSurvey.Web.Tests.Surveys.VersionWorld;

namespace ItaSurvey.Web.Tests.Surveys;

/// <summary>Versions to compare a round's with: other points (same answer layout), or a question fewer (another layout).</summary>
internal static class CompareWorld
{
    /// <summary>A published 2566 version like the one given, with other points for the second level of scale A4 (same answer layout).</summary>
    public static async Task<int> PublishPointsAsync(this SurveyApp app, int fromId, double points)
    {
        var draft = await app.DraftOfAsync(2566, fromId: fromId);
        return await app.PublishAsync(draft, Changed(draft, "model.json", m => SetA4Level(m, 1, points)));
    }

    /// <summary>A published 2566 version like the one given without EIT question E2 (another answer layout).</summary>
    public static async Task<int> PublishWithoutE2Async(this SurveyApp app, int fromId)
    {
        var draft = await app.DraftOfAsync(2566, fromId: fromId);
        return await app.PublishAsync(draft, Changed(draft, "eit.json", RemoveE2));
    }

    public static void SetA4Level(JsonNode model, int level, double points) =>
        model["scales"]!.AsArray().Single(s => (string?)s!["code"] == "A4")!["levels"]![level]!["points"] = points;

    public static void RemoveE2(JsonNode eit)
    {
        var questions = eit["questions"]!.AsArray();
        questions.Remove(questions.Single(q => (string?)q!["code"] == "E2"));
    }

    public static async Task<List<string>> AuditDetailsAsync(this SurveyApp app, string action)
    {
        await using var db = await app.Db();
        return await db.AuditEntries.Where(e => e.Action == action).Select(e => e.Details ?? "").ToListAsync(Cancel);
    }
}
