using System.Net;
using ItaSurvey.Web.Accounts;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

/// <summary>Every kind of bad input gets a 4xx problem whose detail says what to fix, and changes nothing.</summary>
public class ApiBadInputTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();
    private ApiUser _admin = null!;

    public async ValueTask InitializeAsync() => _admin = await _app.ApiUserAsync(Roles.SystemAdmin);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public static TheoryData<string, string, HttpStatusCode, string> BadAgencies => new()
    {
        { "malformed JSON", """{"nameTh": "ก",""", HttpStatusCode.BadRequest, "not valid JSON" },
        { "not JSON at all", "nameTh=ก", HttpStatusCode.BadRequest, "not valid JSON" },
        { "an empty body", "", HttpStatusCode.BadRequest, "empty" },
        { "null", "null", HttpStatusCode.BadRequest, "JSON object" },
        { "an array", "[1, 2]", HttpStatusCode.BadRequest, "JSON object" },
        { "a number where a whole number belongs", """{"staffHeadcount": 12.5}""", HttpStatusCode.BadRequest, "'staffHeadcount' must be a whole number" },
        { "a string where a number belongs", """{"staffHeadcount": "80"}""", HttpStatusCode.BadRequest, "'staffHeadcount' must be a whole number" },
        { "a number where a string belongs", """{"nameTh": 5}""", HttpStatusCode.BadRequest, "'nameTh' must be a string" },
        { "missing fields", """{"nameTh": "เทศบาลตำบลบ่อนอก"}""", HttpStatusCode.BadRequest, "province is required" },
        { "a blank Thai name", """{"nameTh": " ", "province": "ตราด", "agencyGroup": "sao-s", "staffHeadcount": 3}""", HttpStatusCode.BadRequest, "nameTh is required" },
        { "an unknown agency group", """{"nameTh": "ก", "province": "ตราด", "agencyGroup": "ministry", "staffHeadcount": 3}""", HttpStatusCode.BadRequest, "'ministry' is not a group" },
        { "a negative headcount", """{"nameTh": "ก", "province": "ตราด", "agencyGroup": "sao-s", "staffHeadcount": -1}""", HttpStatusCode.BadRequest, "0 or more" },
    };

    [Theory]
    [MemberData(nameof(BadAgencies))]
    public async Task A_bad_agency_body_is_refused_with_a_clear_problem(string what, string body, HttpStatusCode status, string detail)
    {
        var response = await _admin.Client.SendRawAsync(HttpMethod.Post, "/api/v1/agencies", body);

        Assert.True((await response.ProblemAsync(status)).Contains(detail, StringComparison.Ordinal), what);
        Assert.Empty((await (await _admin.Client.GetAsync("/api/v1/agencies", Cancel)).JsonAsync()).EnumerateArray());
    }

    /// <summary>Issue 18, item 11: the same Thai name and province (spacing aside) is the same agency.</summary>
    [Theory]
    [InlineData("เทศบาลตำบลบ่อนอก", "ประจวบคีรีขันธ์")]
    [InlineData("  เทศบาลตำบลบ่อนอก\u00A0", " ประจวบคีรีขันธ์ ")]
    public async Task An_agency_that_exists_already_is_refused_with_409_naming_it(string nameTh, string province)
    {
        var first = (await (await _admin.Client.PostJsonAsync("/api/v1/agencies", Agency())).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

        var again = await _admin.Client.PostJsonAsync("/api/v1/agencies",
            new { nameTh, province, agencyGroup = "sao-s", staffHeadcount = 12 });

        var detail = await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"Agency {first} 'เทศบาลตำบลบ่อนอก' in ประจวบคีรีขันธ์ already exists", detail, StringComparison.Ordinal);
        Assert.Single((await (await _admin.Client.GetAsync("/api/v1/agencies", Cancel)).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task The_same_name_in_another_province_is_another_agency()
    {
        await (await _admin.Client.PostJsonAsync("/api/v1/agencies", Agency())).JsonAsync(HttpStatusCode.Created);

        var other = await _admin.Client.PostJsonAsync("/api/v1/agencies",
            new { nameTh = "เทศบาลตำบลบ่อนอก", province = "ตราด", agencyGroup = "tambon-municipality-s", staffHeadcount = 40 });

        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task Every_kind_of_problem_says_what_to_fix_in_Thai_too()
    {
        var responses = new (HttpResponseMessage Response, HttpStatusCode Status)[]
        {
            (await _admin.Client.SendRawAsync(HttpMethod.Post, "/api/v1/agencies", "{}", "text/plain"), HttpStatusCode.UnsupportedMediaType),
            (await _admin.Client.SendRawAsync(HttpMethod.Post, "/api/v1/agencies", "{\"nameTh\": \"ก\","), HttpStatusCode.BadRequest),
            (await _admin.Client.SendRawAsync(HttpMethod.Post, "/api/v1/agencies", """{"staffHeadcount": "80"}"""), HttpStatusCode.BadRequest),
            (await _admin.Client.SendRawAsync(HttpMethod.Post, "/api/v1/agencies", "{}"), HttpStatusCode.BadRequest),
            (await _admin.Client.GetAsync("/api/v1/no-such-thing", Cancel), HttpStatusCode.NotFound),
            (await _app.WithToken(null).GetAsync("/api/v1/agencies", Cancel), HttpStatusCode.Unauthorized),
            (await _app.WithToken("itas_not-a-token").GetAsync("/api/v1/agencies", Cancel), HttpStatusCode.Unauthorized),
        };

        foreach (var (response, status) in responses)
        {
            await response.ProblemJsonAsync(status);
        }
        var fields = await (await _admin.Client.SendRawAsync(HttpMethod.Post, "/api/v1/agencies", "{}")).InvalidFieldsAsync();
        Assert.Equal("ระบุ nameTh", fields["nameTh"].Th);
    }

    [Fact]
    public async Task Unknown_properties_are_ignored()
    {
        var response = await _admin.Client.SendRawAsync(HttpMethod.Post, "/api/v1/agencies",
            """{"nameTh": "ก", "province": "ตราด", "agencyGroup": "sao-s", "staffHeadcount": 3, "mayor": "someone"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_by_its_content_type_gets_a_415()
    {
        var response = await _admin.Client.SendRawAsync(HttpMethod.Post, "/api/v1/agencies", """{"nameTh": "ก"}""", "text/plain");

        Assert.Contains("application/json", await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_problems_name_every_invalid_field()
    {
        var response = await _admin.Client.SendRawAsync(HttpMethod.Post, "/api/v1/agencies", "{}");

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["nameTh", "province", "agencyGroup", "staffHeadcount"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    public static TheoryData<string, string> BadRounds => new()
    {
        { """{"opensOn": "2023-04-01", "closesOn": "2023-06-30", "iitMode": "openLink"}""", "fiscalYear is required" },
        { """{"fiscalYear": 2599, "opensOn": "2023-04-01", "closesOn": "2023-06-30", "iitMode": "openLink"}""", "No questionnaire set is defined for fiscal year 2599" },
        { """{"fiscalYear": 2566, "opensOn": "2023-06-30", "closesOn": "2023-04-01", "iitMode": "openLink"}""", "before opensOn" },
        { """{"fiscalYear": 2566, "opensOn": "1/4/2023", "closesOn": "2023-06-30", "iitMode": "openLink"}""", "ISO date" },
        { """{"fiscalYear": 2566, "opensOn": "2566-04-01", "closesOn": "2566-06-30", "iitMode": "openLink"}""", "Buddhist Era" },
        { """{"fiscalYear": 2566, "opensOn": "2023-04-01", "closesOn": "2023-06-30", "iitMode": "codes"}""", "'openLink' or 'singleUseCodes'" },
        { """{"fiscalYear": "2566", "opensOn": "2023-04-01", "closesOn": "2023-06-30", "iitMode": "openLink"}""", "'fiscalYear' must be a whole number" },
    };

    [Theory]
    [MemberData(nameof(BadRounds))]
    public async Task A_bad_round_body_is_refused_with_a_clear_problem(string body, string detail)
    {
        var agency = (await (await _admin.Client.PostJsonAsync("/api/v1/agencies", Agency())).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

        var response = await _admin.Client.SendRawAsync(HttpMethod.Post, $"/api/v1/agencies/{agency}/rounds", body);

        Assert.Contains(detail, await response.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_round_for_the_same_fiscal_year_is_a_409()
    {
        var round = await _app.CreateRoundAsync();
        var agency = (await (await _admin.Client.GetAsync($"/api/v1/rounds/{round.Id}", Cancel)).JsonAsync()).GetProperty("agencyId").GetInt32();

        var response = await _admin.Client.PostJsonAsync($"/api/v1/agencies/{agency}/rounds",
            new { fiscalYear = 2566, opensOn = "2023-04-01", closesOn = "2023-06-30", iitMode = "openLink" });

        Assert.Contains("already has a round for fiscal year 2566", await response.ProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", HttpStatusCode.BadRequest, "count is required")]
    [InlineData("""{"count": 0}""", HttpStatusCode.BadRequest, "1 to 1000")]
    [InlineData("""{"count": 1001}""", HttpStatusCode.BadRequest, "1 to 1000")]
    [InlineData("""{"count": "ten"}""", HttpStatusCode.BadRequest, "'count' must be a whole number")]
    public async Task A_bad_access_code_count_is_refused(string body, HttpStatusCode status, string detail)
    {
        var round = await _app.CreateRoundAsync();

        var response = await _admin.Client.SendRawAsync(HttpMethod.Post, $"/api/v1/rounds/{round.Id}/access-codes", body);

        Assert.Contains(detail, await response.ProblemAsync(status), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_codes_for_a_round_with_an_open_IIT_link_are_a_409()
    {
        var round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink);

        var response = await _admin.Client.PostJsonAsync($"/api/v1/rounds/{round.Id}/access-codes", new { count = 3 });

        Assert.Contains("singleUseCodes", await response.ProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/agencies/4242")]
    [InlineData("/api/v1/agencies/4242/rounds")]
    [InlineData("/api/v1/rounds/4242")]
    [InlineData("/api/v1/rounds/4242/responses/count")]
    [InlineData("/api/v1/rounds/4242/results")]
    [InlineData("/api/v1/rounds/4242/export/responses.csv?instrument=EIT")]
    [InlineData("/api/v1/rounds/not-a-number")]
    public async Task An_unknown_id_is_a_404_problem(string url)
    {
        var response = await _admin.Client.GetAsync(url, Cancel);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("", "?instrument=IIT")]
    [InlineData("?instrument=OIT", "IIT or EIT, not 'OIT'")]
    public async Task An_export_needs_IIT_or_EIT(string query, string detail)
    {
        var round = await _app.CreateRoundAsync();

        var response = await _admin.Client.GetAsync($"/api/v1/rounds/{round.Id}/export/responses.csv{query}", Cancel);

        Assert.Contains(detail, await response.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }
}
