using System.Net;
using System.Text.Json;
using ItaSurvey.Web.Accounts;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

/// <summary>The improvement report through /api/v1/rounds/{id}/report: drafted, read, and filled in row by row under its version.</summary>
public class ApiReportTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();
    private TestRound _round = null!;
    private ApiUser _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _round = await _app.CreateRoundAsync();
        _admin = await _app.ApiUserAsync(Roles.AgencyAdmin, _round.AgencyId);
        // Every OIT item but those of 9.1 (O1-O10) disclosed: indicator 9 is 80, urgent, with a row per missing item.
        var items = Enumerable.Range(1, 43).Select(n => new { code = $"O{n}", present = n > 10, urls = new[] { $"https://a.example/o{n}" } })
            .Select(i => i.present ? (object)i : new { i.code, present = false });
        await (await _admin.Client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/rounds/{_round.Id}/oit", new { items })).JsonAsync();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private string Report(int? round = null) => $"/api/v1/rounds/{round ?? _round.Id}/report";

    private async Task<JsonElement> DraftAsync() => await (await _admin.Client.PostAsync(Report(), null, Cancel)).JsonAsync(HttpStatusCode.Created);

    private static object Row(JsonElement report, string status = "inProgress", string? unit = "กองคลัง", string? evidenceUrl = "https://a.example/o4-done") => new
    {
        version = report.GetProperty("version").GetString(), action = "นำแผนยุทธศาสตร์ขึ้นเว็บไซต์", unit, status, evidenceUrl,
    };

    private static int RowId(JsonElement report, string code) =>
        report.GetProperty("items").EnumerateArray().First(i => i.GetProperty("sourceCode").GetString() == code).GetProperty("id").GetInt32();

    [Fact]
    public async Task A_report_is_404_until_drafted_and_then_lists_a_row_per_missing_item()
    {
        var before = await _admin.Client.GetAsync(Report(), Cancel);
        var drafted = await _admin.Client.PostAsync(Report(), null, Cancel);
        var again = await _admin.Client.PostAsync(Report(), null, Cancel);

        Assert.Contains("POST /api/v1/rounds", (await before.ProblemJsonAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var report = await drafted.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(Report(), drafted.Headers.Location!.OriginalString);
        var rows = report.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("sourceKind").GetString() == "oitItem").ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"O{n}"), rows.Select(r => r.GetProperty("sourceCode").GetString()));
        Assert.All(rows, r => Assert.Equal("notStarted", r.GetProperty("status").GetString()));
        await again.ProblemJsonAsync(HttpStatusCode.Conflict);
        var read = await (await _admin.Client.GetAsync(Report(), Cancel)).JsonAsync();
        Assert.Equal(report.GetProperty("version").GetString(), read.GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_row_is_filled_in_from_the_current_version_which_then_moves_on_and_the_change_is_audited()
    {
        var report = await DraftAsync();

        var response = await _admin.Client.SendJsonAsync(HttpMethod.Put, $"{Report()}/items/{RowId(report, "O4")}", Row(report));

        var saved = await response.JsonAsync();
        var row = saved.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("sourceCode").GetString() == "O4");
        Assert.Equal("นำแผนยุทธศาสตร์ขึ้นเว็บไซต์", row.GetProperty("action").GetString());
        Assert.Equal("กองคลัง", row.GetProperty("unit").GetString());
        Assert.Equal("inProgress", row.GetProperty("status").GetString());
        Assert.Equal("กำลังดำเนินการ", row.GetProperty("statusTh").GetString());
        Assert.Equal("https://a.example/o4-done", row.GetProperty("evidenceUrl").GetString());
        Assert.NotEqual(report.GetProperty("version").GetString(), saved.GetProperty("version").GetString());
        Assert.Equal(_admin.Email, saved.GetProperty("updatedBy").GetString());
        var audit = (await _app.AuditAsync(_round.AgencyId)).Where(e => e.Action.StartsWith("report.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["report.create", "report.update"], audit.Select(e => e.Action));
        Assert.Contains("O4", audit[1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_from_a_stale_version_gets_409_with_the_current_version_and_changes_nothing()
    {
        var report = await DraftAsync();
        var other = await _app.ApiUserAsync(Roles.AgencyAdmin, _round.AgencyId);
        var first = await (await other.Client.SendJsonAsync(HttpMethod.Put, $"{Report()}/items/{RowId(report, "O5")}", Row(report, "done"))).JsonAsync();

        var stale = await _admin.Client.SendJsonAsync(HttpMethod.Put, $"{Report()}/items/{RowId(report, "O4")}", Row(report));

        var problem = await stale.ProblemJsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(first.GetProperty("version").GetString(), problem.GetProperty("currentVersion").GetString());
        Assert.Equal(other.Email, problem.GetProperty("updatedBy").GetString());
        Assert.Contains(other.Email, problem.GetProperty("detailTh").GetString(), StringComparison.Ordinal);
        Assert.Contains($"its version is now {first.GetProperty("version").GetString()}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"at 20\d\d-\d\d-\d\d \d\d:\d\d UTC", problem.GetProperty("detail").GetString()); // Common Era, whatever the culture
        var stored = await (await _admin.Client.GetAsync(Report(), Cancel)).JsonAsync();
        var o4 = stored.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("sourceCode").GetString() == "O4");
        Assert.Equal("notStarted", o4.GetProperty("status").GetString());
        var retried = await _admin.Client.SendJsonAsync(HttpMethod.Put, $"{Report()}/items/{RowId(report, "O4")}", Row(stored));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [Fact]
    public async Task A_row_with_a_person_as_unit_a_bad_link_or_an_unknown_status_is_refused_naming_each_field()
    {
        var report = await DraftAsync();
        var url = $"{Report()}/items/{RowId(report, "O4")}";

        var person = await _admin.Client.SendJsonAsync(HttpMethod.Put, url, Row(report, unit: "somchai@khlongwan.go.th", evidenceUrl: "javascript:alert(1)"));
        var status = await _admin.Client.SendJsonAsync(HttpMethod.Put, url, Row(report, status: "finished"));
        var noVersion = await _admin.Client.SendJsonAsync(HttpMethod.Put, url, new { status = "done" });
        var noRow = await _admin.Client.SendJsonAsync(HttpMethod.Put, $"{Report()}/items/999999", Row(report));

        var fields = await person.InvalidFieldsAsync();
        Assert.Equal(["evidenceUrl", "unit"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("not an e-mail address or a person", fields["unit"].En, StringComparison.Ordinal);
        Assert.Contains("ไม่ต้องระบุอีเมลหรือชื่อบุคคล", fields["unit"].Th, StringComparison.Ordinal);
        Assert.Equal(["status"], (await status.InvalidFieldsAsync()).Keys);
        Assert.Equal(["version"], (await noVersion.InvalidFieldsAsync()).Keys);
        await noRow.ProblemJsonAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await _app.AuditAsync(_round.AgencyId), e => e.Action == "report.update");
    }

    [Fact]
    public async Task Another_agencys_report_answers_404_and_a_viewer_reads_but_may_not_draft_or_write()
    {
        var report = await DraftAsync();
        var other = await _app.CreateRoundAsync();
        var viewer = await _app.ApiUserAsync(Roles.Viewer, _round.AgencyId);
        var row = $"items/{RowId(report, "O4")}";

        foreach (var response in new[]
        {
            await _admin.Client.GetAsync(Report(other.Id), Cancel),
            await _admin.Client.PostAsync(Report(other.Id), null, Cancel),
            await _admin.Client.SendJsonAsync(HttpMethod.Put, $"{Report(other.Id)}/{row}", Row(report)),
        })
        {
            Assert.Equal($"There is no round {other.Id} that you may see.", (await response.ProblemJsonAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, (await viewer.Client.GetAsync(Report(), Cancel)).StatusCode);
        await (await viewer.Client.PostAsync(Report(), null, Cancel)).ProblemJsonAsync(HttpStatusCode.Forbidden);
        await (await viewer.Client.SendJsonAsync(HttpMethod.Put, $"{Report()}/{row}", Row(report))).ProblemJsonAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await _app.AuditAsync(_round.AgencyId), e => e.Action == "report.update");
        Assert.Empty(await _app.AuditAsync(other.AgencyId));
    }
}
