using System.Net;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Tests.Surveys;

namespace ItaSurvey.Web.Tests.Api;

/// <summary>Fiscal-year versions through the API: a published version never changes, a stale revision or bad files change nothing.</summary>
public class ApiFiscalYearTests
{
    [Fact]
    public async Task A_published_version_a_stale_revision_and_broken_files_are_refused_and_a_good_draft_publishes()
    {
        await using var app = new SurveyApp();
        var admin = await app.ApiUserAsync(Roles.SystemAdmin);
        var published = app.Library().LatestOf(2566)!;
        var before = await app.StoredVersionsAsync();

        var edit = await admin.Client.PostJsonAsync($"/api/v1/fiscal-years/{published.Id}/publish", new { revision = 1 });
        await edit.ProblemAsync(HttpStatusCode.Conflict);
        var put = await admin.Client.SendRawAsync(HttpMethod.Put, $"/api/v1/fiscal-years/{published.Id}/files",
            """{"revision":1,"files":{"model.json":"{}"}}""");
        await put.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before.Single(v => v.Id == published.Id).Files.Select(f => f.Text), (await app.StoredVersionsAsync()).Single(v => v.Id == published.Id).Files.Select(f => f.Text));

        var draft = await app.DraftOfAsync(2566, toYear: 2570);
        var broken = await admin.Client.SendRawAsync(HttpMethod.Put, $"/api/v1/fiscal-years/{draft.Version.Id}/files",
            "{\"revision\":" + draft.Version.Revision + ",\"files\":{\"model.json\":\"{ not json\"}}");
        var problem = await broken.ProblemJsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("model.json", problem.GetProperty("problems").ToString(), StringComparison.Ordinal);
        var stale = await admin.Client.PostJsonAsync($"/api/v1/fiscal-years/{draft.Version.Id}/publish", new { revision = draft.Version.Revision + 5 });
        await stale.ProblemAsync(HttpStatusCode.Conflict);

        var ok = await admin.Client.PostJsonAsync($"/api/v1/fiscal-years/{draft.Version.Id}/publish", new { revision = draft.Version.Revision });
        var body = await ok.JsonAsync();
        Assert.Equal(2570, body.GetProperty("fiscalYear").GetInt32());
        Assert.Equal(draft.Version.Id, app.Library().LatestOf(2570)!.Id);

        var viewer = await app.ApiUserAsync(Roles.Viewer);
        var denied = await viewer.Client.PostJsonAsync($"/api/v1/fiscal-years/{draft.Version.Id}/publish", new { revision = 1 });
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, denied.StatusCode.ToString());
    }
}
