using System.Net;
using ItaSurvey.Web.Accounts;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

/// <summary>The agency's web domains through the API: evened out as on the form, refused with the form's Thai message, kept when left out.</summary>
public sealed class ApiAgencyDomainsTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();
    private ApiUser _admin = null!;

    public async ValueTask InitializeAsync() => _admin = await _app.ApiUserAsync(Roles.SystemAdmin);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static object Agency(object? webDomains) =>
        new { nameTh = "เทศบาลตำบลบ่อนอก", province = "ประจวบคีรีขันธ์", agencyGroup = "tambon-municipality-s", staffHeadcount = 60, webDomains };

    private async Task<List<string>> DomainsAsync(int id) =>
        [.. (await (await _admin.Client.GetAsync($"/api/v1/agencies/{id}", Cancel)).JsonAsync()).GetProperty("webDomains").EnumerateArray().Select(d => d.GetString()!)];

    [Fact]
    public async Task Domains_are_stored_evened_out_and_shown_as_a_list()
    {
        var created = await (await _admin.Client.PostJsonAsync("/api/v1/agencies",
            Agency(new[] { "https://www.KhlongWan.go.th/ita/2566", "khlongwan.go.th", "bonok.example, WWW.bonok.example." }))).JsonAsync(HttpStatusCode.Created);

        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(["khlongwan.go.th", "bonok.example"], [.. created.GetProperty("webDomains").EnumerateArray().Select(d => d.GetString()!)]);
        Assert.Equal(["khlongwan.go.th", "bonok.example"], await DomainsAsync(id));
        Assert.Contains(await _app.AuditAsync(id), e => e.Action == "agency.create" && e.Details!.Contains("webDomains=khlongwan.go.th bonok.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_agency_without_domains_shows_an_empty_list_and_put_keeps_them_unless_it_names_them()
    {
        var id = (await (await _admin.Client.PostJsonAsync("/api/v1/agencies", ApiTesting.Agency())).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        Assert.Empty(await DomainsAsync(id));

        await (await _admin.Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/agencies/{id}", Agency(new[] { "bonok.go.th" }))).JsonAsync();
        await (await _admin.Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/agencies/{id}", ApiTesting.Agency(headcount: 61))).JsonAsync();
        Assert.Equal(["bonok.go.th"], await DomainsAsync(id)); // left out: kept

        await (await _admin.Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/agencies/{id}", Agency(Array.Empty<string>()))).JsonAsync();
        Assert.Empty(await DomainsAsync(id)); // []: cleared
    }

    public static TheoryData<string[], string, string> BadDomains => new()
    {
        { ["khlongwan.go.th", "not a domain!"], "Not a domain name: not, a, domain!", "ไม่ใช่ชื่อโดเมน: not, a, domain! (ตัวอย่างที่ถูกต้อง: khlongwan.go.th)" },
        { ["localhost"], "Not a domain name: localhost", "ไม่ใช่ชื่อโดเมน: localhost" },
        { [.. Enumerable.Range(1, 11).Select(i => $"site{i}.go.th")], "At most 10 domains, not 11.", "ระบุโดเมนได้ไม่เกิน 10 โดเมน" },
        { [.. Enumerable.Range(1, 6).Select(i => new string('a', 60) + "." + new string('b', 60) + "." + new string('c', 60) + $".site{i}.th")],
            "at most 1,000 characters", "ยาวได้ไม่เกิน 1,000 ตัวอักษร" },
    };

    [Theory]
    [MemberData(nameof(BadDomains))]
    public async Task Bad_domains_are_refused_in_thai_and_english_and_nothing_is_stored(string[] domains, string english, string thai)
    {
        var id = (await (await _admin.Client.PostJsonAsync("/api/v1/agencies", Agency(new[] { "bonok.go.th" }))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

        var created = await _admin.Client.PostJsonAsync("/api/v1/agencies", Agency(domains));
        var changed = await _admin.Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/agencies/{id}", Agency(domains));

        foreach (var response in new[] { created, changed })
        {
            var errors = await response.InvalidFieldsAsync();
            Assert.Contains(english, errors["webDomains"].En, StringComparison.Ordinal);
            Assert.Contains(thai, errors["webDomains"].Th, StringComparison.Ordinal);
        }
        Assert.Single((await (await _admin.Client.GetAsync("/api/v1/agencies", Cancel)).JsonAsync()).EnumerateArray());
        Assert.Equal(["bonok.go.th"], await DomainsAsync(id));
    }

    [Fact]
    public async Task A_value_that_is_not_a_list_is_refused_saying_a_list_is_expected()
    {
        var response = await _admin.Client.SendRawAsync(HttpMethod.Post, "/api/v1/agencies",
            """{"nameTh": "ก", "province": "ตราด", "agencyGroup": "sao-s", "staffHeadcount": 3, "webDomains": "khlongwan.go.th"}""");

        Assert.Contains("'webDomains' must be a list", await response.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }
}
