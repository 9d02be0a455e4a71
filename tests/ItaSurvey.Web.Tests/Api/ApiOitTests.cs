using System.Net;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

/// <summary>A round's OIT evidence read and recorded through /api/v1/rounds/{id}/oit, as a provincial office's document system would.</summary>
public class ApiOitTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();
    private TestRound _mine = null!;
    private TestRound _theirs = null!;
    private ApiUser _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _mine = await _app.CreateRoundAsync();
        _theirs = await _app.CreateRoundAsync();
        _admin = await _app.ApiUserAsync(Roles.AgencyAdmin, _mine.AgencyId);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private string Oit(TestRound round, string item = "") => $"/api/v1/rounds/{round.Id}/oit{item}";

    [Fact]
    public async Task The_checklist_lists_every_item_of_the_year_under_its_sub_indicator_unanswered_at_first()
    {
        var checklist = await (await _admin.Client.GetAsync(Oit(_mine), Cancel)).JsonAsync();

        var items = checklist.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2566, checklist.GetProperty("fiscalYear").GetInt32());
        Assert.Equal(43, items.Count);
        Assert.Equal("O1", items[0].GetProperty("code").GetString());
        Assert.Equal("9.1", items[0].GetProperty("subIndicator").GetString());
        Assert.Equal("10", items[^1].GetProperty("indicator").GetString());
        Assert.All(items, i => Assert.Equal(System.Text.Json.JsonValueKind.Null, i.GetProperty("present").ValueKind));
        Assert.All(items, i => Assert.Equal("ยังไม่ระบุ", i.GetProperty("answerTh").GetString()));
    }

    [Fact]
    public async Task One_item_is_stored_with_its_urls_read_back_with_their_link_check_and_audited()
    {
        var response = await _admin.Client.SendJsonAsync(HttpMethod.Put, Oit(_mine, "/O4"), new
        {
            present = true, urls = new[] { "https://www.khlongwan.example/ita/o4", " https://www.khlongwan.example/plan.pdf " },
            explanation = "แผนพัฒนาท้องถิ่น พ.ศ. 2566-2570",
        });

        var item = await response.JsonAsync();
        Assert.Equal("O4", item.GetProperty("code").GetString());
        Assert.Equal("9.1", item.GetProperty("subIndicator").GetString());
        Assert.True(item.GetProperty("present").GetBoolean());
        Assert.Equal("มี", item.GetProperty("answerTh").GetString());
        Assert.Equal(["https://www.khlongwan.example/ita/o4", "https://www.khlongwan.example/plan.pdf"],
            item.GetProperty("urls").EnumerateArray().Select(u => u.GetProperty("url").GetString()));
        Assert.All(item.GetProperty("urls").EnumerateArray(), u => Assert.Equal("notChecked", u.GetProperty("linkCheck").GetString()));

        // What the background link check found is read back with the item.
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel))
        {
            await db.OitEvidenceUrls.Where(u => u.Url.EndsWith("/o4")).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LastStatus, 404).SetProperty(u => u.LastCheckedAt, new DateTime(2023, 5, 2, 3, 0, 0, DateTimeKind.Utc))
                .SetProperty(u => u.Verdict, ItaSurvey.Core.Evidence.EvidenceVerdict.Broken)
                .SetProperty(u => u.VerdictFinding, ItaSurvey.Core.Evidence.EvidenceFinding.HttpError)
                .SetProperty(u => u.VerdictReason, "เว็บไซต์ตอบกลับด้วยรหัสข้อผิดพลาด HTTP 404").SetProperty(u => u.OnAgencySite, true), Cancel);
        }
        var read = await (await _admin.Client.GetAsync(Oit(_mine), Cancel)).JsonAsync();
        var o4 = read.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "O4");
        var checkedUrl = o4.GetProperty("urls")[0];
        Assert.Equal("broken", checkedUrl.GetProperty("linkCheck").GetString());
        Assert.Equal(404, checkedUrl.GetProperty("httpStatus").GetInt32());
        var evidence = checkedUrl.GetProperty("evidence");
        Assert.Equal(("broken", "ลิงก์เสีย", "httpError"), (evidence.GetProperty("verdict").GetString(), evidence.GetProperty("verdictTh").GetString(),
            evidence.GetProperty("finding").GetString()));
        Assert.Equal("เว็บไซต์ตอบกลับด้วยรหัสข้อผิดพลาด HTTP 404", evidence.GetProperty("reasonTh").GetString());
        Assert.True(evidence.GetProperty("onAgencySite").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, o4.GetProperty("urls")[1].GetProperty("evidence").ValueKind); // not checked yet
        Assert.Equal("แผนพัฒนาท้องถิ่น พ.ศ. 2566-2570", o4.GetProperty("explanation").GetString());

        var audit = Assert.Single(await _app.AuditAsync(_mine.AgencyId));
        Assert.Equal("oit.update", audit.Action);
        Assert.Equal(_admin.Email, audit.Actor);
        Assert.Contains($"round {_mine.Id}: O4: มี, 2 URL", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_stores_every_item_and_changes_the_score()
    {
        var items = Enumerable.Range(1, 43).Select(n => new
        {
            code = $"O{n}", present = n != 36, urls = n != 36 ? new[] { $"https://www.khlongwan.example/ita/o{n}" } : [],
            explanation = n == 36 ? "ยังไม่ได้จัดทำแผน" : null,
        });

        var response = await _admin.Client.SendJsonAsync(HttpMethod.Patch, Oit(_mine), new { items });

        var checklist = await response.JsonAsync();
        Assert.Equal(42, checklist.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("present").GetBoolean()));
        _app.CloseRounds();
        var results = await (await _admin.Client.GetAsync($"/api/v1/rounds/{_mine.Id}/results", Cancel)).JsonAsync();
        var ten = results.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "10");
        Assert.Equal("93.75", ten.GetProperty("score").GetProperty("display").GetString()); // one of eight missing in 10.1
        Assert.Equal("oit.update", Assert.Single(await _app.AuditAsync(_mine.AgencyId)).Action);
    }

    [Fact]
    public async Task A_batch_with_any_wrong_item_stores_nothing_and_lists_every_problem_by_item_and_field_in_English_and_Thai()
    {
        var response = await _admin.Client.SendJsonAsync(HttpMethod.Patch, Oit(_mine), new
        {
            items = new object[]
            {
                new { code = "O1", present = true, urls = new[] { "https://www.khlongwan.example/ita/o1" } },
                new { code = "O2", present = true, urls = Array.Empty<string>() },
                new { code = "O3", present = false, urls = new[] { "https://ok.example/a", "ftp://files.example/x" }, explanation = new string('ก', 4001) },
                new { code = "O99", present = true, urls = new[] { "https://ok.example/b" } },
            },
        });

        var fields = await response.InvalidFieldsAsync();
        Assert.Equal(["O2.urls", "O3.explanation", "O3.urls[1]", "O99"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("at least one evidence URL", fields["O2.urls"].En, StringComparison.Ordinal);
        Assert.Contains("URL ของหลักฐานอย่างน้อย 1 รายการ", fields["O2.urls"].Th, StringComparison.Ordinal);
        Assert.Contains("http://", fields["O3.urls[1]"].En, StringComparison.Ordinal);
        Assert.Contains("O99", fields["O99"].En, StringComparison.Ordinal);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        Assert.False(await db.OitEvidence.AnyAsync(e => e.RoundId == _mine.Id, Cancel)); // not even O1
        Assert.Empty(await _app.AuditAsync(_mine.AgencyId));
    }

    [Fact]
    public async Task A_batch_names_items_without_a_code_and_items_listed_twice()
    {
        var response = await _admin.Client.SendJsonAsync(HttpMethod.Patch, Oit(_mine), new
        {
            items = new object[] { new { code = "O1", present = false }, new { present = false }, new { code = "O1", present = true } },
        });

        Assert.Equal(["items[1].code", "items[2].code"], (await response.InvalidFieldsAsync()).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_by_its_path_in_the_batch()
    {
        var list = await _admin.Client.SendRawAsync(HttpMethod.Patch, Oit(_mine), """{"items": {"code": "O1"}}""");
        var nested = await _admin.Client.SendRawAsync(HttpMethod.Patch, Oit(_mine), """{"items": [{"code": "O1", "present": "yes"}]}""");
        var urls = await _admin.Client.SendRawAsync(HttpMethod.Put, Oit(_mine, "/O1"), """{"present": true, "urls": "https://a.example/x"}""");

        Assert.Contains("'items' must be a list", await list.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("'items[0].present' has a value of the wrong type", await nested.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("'urls' must be a list", await urls.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_that_is_not_in_the_years_checklist_answers_404()
    {
        var response = await _admin.Client.SendJsonAsync(HttpMethod.Put, Oit(_mine, "/O44"), new { present = false });

        var problem = await response.ProblemJsonAsync(HttpStatusCode.NotFound);
        Assert.Contains("O44", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_agencys_round_answers_404_like_a_missing_one_and_nothing_is_stored()
    {
        var body = new { present = false, explanation = "x" };
        var batch = new { items = new[] { new { code = "O1", present = false } } };

        var responses = new[]
        {
            await _admin.Client.GetAsync(Oit(_theirs), Cancel),
            await _admin.Client.SendJsonAsync(HttpMethod.Put, Oit(_theirs, "/O1"), body),
            await _admin.Client.SendJsonAsync(HttpMethod.Patch, Oit(_theirs), batch),
        };

        foreach (var response in responses)
        {
            var detail = (await response.ProblemJsonAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString();
            Assert.Equal($"There is no round {_theirs.Id} that you may see.", detail);
        }
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        Assert.False(await db.OitEvidence.AnyAsync(Cancel));
    }

    [Fact]
    public async Task A_viewer_reads_the_checklist_but_may_not_write_it()
    {
        var viewer = await _app.ApiUserAsync(Roles.Viewer, _mine.AgencyId);

        var read = await viewer.Client.GetAsync(Oit(_mine), Cancel);
        var one = await viewer.Client.SendJsonAsync(HttpMethod.Put, Oit(_mine, "/O1"), new { present = false });
        var many = await viewer.Client.SendJsonAsync(HttpMethod.Patch, Oit(_mine), new { items = new[] { new { code = "O1", present = false } } });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await one.ProblemJsonAsync(HttpStatusCode.Forbidden);
        await many.ProblemJsonAsync(HttpStatusCode.Forbidden);
        Assert.Empty(await _app.AuditAsync(_mine.AgencyId));
    }
}
