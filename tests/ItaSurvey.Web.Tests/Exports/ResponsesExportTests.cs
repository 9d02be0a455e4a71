using System.Globalization;
using System.Net;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ItaSurvey.Web.Tests.Exports.ExportWorld;
using static ItaSurvey.Web.Tests.TwoAgencyWorld;

namespace ItaSurvey.Web.Tests.Exports;

/// <summary>Responses exports as CSV through the admin endpoints (the API shares the code; see ExportsApiTests).</summary>
public sealed class ResponsesExportTests : IAsyncLifetime
{
    private readonly ExportWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private string Url(string file, string query = "") => $"/admin/rounds/{_world.Ours.Id}/export/{file}{query}";

    [Fact]
    public async Task The_EIT_CSV_has_a_byte_order_mark_and_a_row_per_response_in_order_of_arrival_with_its_date_and_group()
    {
        var stored = await _world.StoreAsync("EIT", 6, (i, f) => (byte)((i + f) % 4));
        var browser = await _world.BrowserAsync();

        var response = await browser.GetAsync(Url("responses.csv", "?instrument=eit"), Cancel);

        var rows = await CsvAsync(response);
        Assert.Equal($"round-{_world.Ours.Id}-2566-eit-responses.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal(["instrument", "submittedOn", "respondentGroup", .. _world.Layout("EIT").FieldCodes, "quality"], rows[0]);
        Assert.Equal(stored.Select(s => (string[])["EIT", s.SubmittedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.RespondentGroup!,
            .. s.Answers.Select(a => a.ToString(CultureInfo.InvariantCulture)), ""]), rows[1..]);
    }

    [Fact]
    public async Task IIT_rows_have_no_date_and_are_sorted_by_their_answers_not_by_arrival()
    {
        // Arrival order 0..5; the first field's level falls as responses arrive, so sorting by answers reverses them.
        var stored = await _world.StoreAsync("IIT", 6, (i, f) => f == 0 ? (byte)((5 - i) % 4) : (byte)(i % 2));
        _world.App.CloseRounds(); // an open round holds IIT rows back
        var browser = await _world.BrowserAsync();

        var rows = await CsvAsync(await browser.GetAsync(Url("responses.csv", "?instrument=IIT"), Cancel));

        Assert.Equal(["instrument", .. _world.Layout("IIT").FieldCodes, "quality"], rows[0]);
        var expected = stored.Select(s => s.Answers).Order(Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).ToList();
        Assert.Equal(expected.Select(a => (string[])["IIT", .. a.Select(l => l.ToString(CultureInfo.InvariantCulture)), ""]), rows[1..]);
        Assert.NotEqual(stored.Select(s => s.Answers), expected); // the test means something only if arrival order differs
        Assert.DoesNotContain(rows, r => r.Any(c => c.StartsWith("2023-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unanswered_field_is_an_empty_cell()
    {
        await _world.StoreAsync("EIT", 5, (i, f) => f == 1 ? (byte)255 : (byte)1);
        var browser = await _world.BrowserAsync();

        var rows = await CsvAsync(await browser.GetAsync(Url("responses.csv", "?instrument=EIT"), Cancel));

        Assert.All(rows[1..], r => Assert.Equal(["1", ""], r[3..5])); // columns 3 and 4: the first two answer fields
    }

    [Fact]
    public async Task Responses_stored_under_another_answer_layout_are_left_out_and_counted()
    {
        await _world.StoreAsync("EIT", 5, (_, _) => 2);
        await _world.StoreAsync("EIT", 3, (_, _) => 1, formVersion: "0123456789abcdef");
        var browser = await _world.BrowserAsync();

        var response = await browser.GetAsync(Url("responses.csv", "?instrument=EIT"), Cancel);

        Assert.Equal("3", response.Headers.GetValues("X-Skipped-Responses").Single());
        Assert.Equal(1 + 5, (await CsvAsync(response)).Count);
    }

    [Fact]
    public async Task Four_IIT_responses_are_not_exported_and_the_reason_is_given_in_Thai()
    {
        await _world.StoreAsync("IIT", 4, (_, _) => 3);
        var browser = await _world.BrowserAsync();

        var response = await browser.GetAsync(Url("responses.csv", "?instrument=IIT"), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("น้อยกว่า 5 คำตอบ", text, StringComparison.Ordinal);
        Assert.Contains("IIT 4", text, StringComparison.Ordinal);
        await using var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "export.responses", Cancel));
    }

    [Fact]
    public async Task While_the_round_is_open_IIT_rows_come_out_in_blocks_of_k_one_block_behind()
    {
        await _world.StoreAsync("IIT", 7, (i, f) => (byte)((i + f) % 4));
        var browser = await _world.BrowserAsync();

        var seven = await browser.GetAsync(Url("responses.csv", "?instrument=IIT"), Cancel);
        await _world.StoreAsync("IIT", 5, (i, f) => (byte)((i * f) % 4));
        var twelve = await browser.GetStringAsync(Url("responses.csv", "?instrument=IIT"), Cancel);
        await _world.StoreAsync("IIT", 1, (_, _) => 0);
        var thirteen = await browser.GetStringAsync(Url("responses.csv", "?instrument=IIT"), Cancel);
        _world.App.CloseRounds(); // two months on: a new sign-in
        var closed = await (await _world.BrowserAsync()).GetStringAsync(Url("responses.csv", "?instrument=IIT"), Cancel);

        static int Rows(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.Equal(HttpStatusCode.Conflict, seven.StatusCode);
        Assert.Contains("ปรับทุก 5 คำตอบ", await seven.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(5, Rows(twelve));
        Assert.Equal(twelve, thirteen); // one more staff member changes nothing that could be compared
        Assert.Equal(13, Rows(closed));
    }

    [Fact]
    public async Task A_round_without_responses_exports_the_header_alone()
    {
        var browser = await _world.BrowserAsync();

        var rows = await CsvAsync(await browser.GetAsync(Url("responses.csv", "?instrument=IIT"), Cancel));

        Assert.Single(rows);
    }

    [Theory]
    [InlineData("", "ระบุเครื่องมือ")]
    [InlineData("?instrument=OIT", "ไม่ใช่ 'OIT'")]
    public async Task A_CSV_export_needs_IIT_or_EIT_and_says_so_in_Thai(string query, string message)
    {
        var browser = await _world.BrowserAsync();

        var response = await browser.GetAsync(Url("responses.csv", query), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_export_is_written_to_the_audit_log_with_what_was_exported()
    {
        await _world.StoreAsync("EIT", 5, (_, _) => 2);
        await _world.StoreAsync("EIT", 2, (_, _) => 1, formVersion: "0123456789abcdef");
        var (email, password) = await _world.App.CreateUserAsync(Roles.Viewer, _world.Ours.AgencyId);
        var browser = await _world.App.SignedInBrowserAsync(email, password);

        (await browser.GetAsync(Url("responses.csv", "?instrument=EIT"), Cancel)).EnsureSuccessStatusCode();
        (await browser.GetAsync(Url("results.xlsx"), Cancel)).EnsureSuccessStatusCode();

        await using var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        var entries = await db.AuditEntries.Where(e => e.Action.StartsWith("export.")).OrderBy(e => e.Id).ToListAsync(Cancel);
        Assert.Equal(["export.responses", "export.results"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((email, (int?)_world.Ours.AgencyId), (e.Actor, e.AgencyId)));
        Assert.Equal($"round {_world.Ours.Id}: round-{_world.Ours.Id}-2566-eit-responses.csv (EIT 5 rows, 2 skipped)", entries[0].Details);
        Assert.StartsWith($"round {_world.Ours.Id}: round-{_world.Ours.Id}-2566-results.xlsx (", entries[1].Details, StringComparison.Ordinal);
    }
}
