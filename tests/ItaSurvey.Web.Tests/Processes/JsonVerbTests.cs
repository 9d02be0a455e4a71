using System.Text.Json;
using ItaSurvey.Testing;

namespace ItaSurvey.Web.Tests.Processes;

/// <summary>
/// The verbs that create things print one JSON object with --json (camelCase, Thai as it is), for
/// scripts; their human output stays as it was, and any other verb refuses --json with exit 2.
/// </summary>
public sealed class JsonVerbTests : IAsyncLifetime
{
    private const string Agency = "เทศบาลตำบลทดสอบ";

    private readonly string _folder = Directory.CreateTempSubdirectory("itasurvey-json-").FullName;
    private readonly TestDatabase _database = TestDatabase.Create();
    private AppLauncher? _launcher;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Made in the test, not in InitializeAsync: the PostgreSQL build skips there when no server is set.
    private AppLauncher App => _launcher ??= Launch.App(_database.ForProcesses(Path.Combine(_folder, "itasurvey.db")));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _database.DropAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Create_round_prints_the_round_its_agency_and_links_as_one_object_and_says_when_the_agency_existed()
    {
        var run = await CreateRoundAsync("2566", "--json");

        Assert.Single(run.Stdout.Trim().Split('\n'));
        Assert.Contains($"\"agency\":\"{Agency}\"", run.Stdout, StringComparison.Ordinal); // Thai as it is, not \u0E40...
        using var json = run.JsonDocument();
        var root = json.RootElement;
        Assert.Equal(["roundId", "agencyId", "agency", "province", "agencyExisted", "fiscalYear", "iitMode", "opensOn", "closesOn", "links"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.False(root.GetProperty("agencyExisted").GetBoolean());
        Assert.Equal("OpenLink", root.GetProperty("iitMode").GetString());
        Assert.Equal("2023-01-01", root.GetProperty("opensOn").GetString());
        var round = run.Json<CreatedRound>();
        Assert.Equal(2566, round.FiscalYear);
        Assert.Equal(["EIT", "IIT"], round.Links.Select(l => l.Instrument));
        Assert.All(round.Links, l => Assert.Equal($"/go/{l.Instrument.ToLowerInvariant()}/{l.Code}", l.Path));

        var again = (await CreateRoundAsync("2565", "--json")).Json<CreatedRound>();
        Assert.True(again.AgencyExisted);
        Assert.Equal(round.AgencyId, again.AgencyId);
        Assert.NotEqual(round.RoundId, again.RoundId);

        // Without --json the human text is unchanged.
        var human = await CreateRoundAsync("2564");
        Assert.StartsWith($"agency {round.AgencyId}: {Agency} (ประจวบคีรีขันธ์) exists; the round is added to it", human.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\nround \d+: เทศบาลตำบลทดสอบ, fiscal year 2564, IIT OpenLink\n", human.Stdout.ReplaceLineEndings("\n"));
        Assert.Matches(@"\n  EIT: /go/eit/\w{6}\n", human.Stdout.ReplaceLineEndings("\n"));
        Assert.Matches(@"\n  IIT: /go/iit/\w{6}\n", human.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Generate_codes_prints_the_round_and_its_new_codes()
    {
        var round = await App.Verbs.CreateRoundAsync(Agency, "codes", cancellationToken: Cancel);

        var run = await App.Verbs.RunOkAsync(["generate-codes", "--round", round.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--count", "5", "--json"],
            cancellationToken: Cancel);

        var codes = run.Json<GeneratedCodes>();
        Assert.Equal(round.RoundId, codes.RoundId);
        Assert.Equal(5, codes.Codes.Distinct().Count());
        Assert.All(codes.Codes, c => Assert.Matches("^[2-9A-Z]{10}$", c));
        var human = await App.Verbs.RunOkAsync(["generate-codes", "--round", round.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--count", "2"],
            cancellationToken: Cancel);
        Assert.Equal(2, human.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Create_token_prints_the_token_once_with_its_owner_and_roles()
    {
        await App.Verbs.RunOkAsync(["create-admin", "--email", "admin@example.go.th"], "json-verb-passphrase-1\n", Cancel);

        var run = await App.Verbs.RunOkAsync(["create-token", "--email", "admin@example.go.th", "--name", "สคริปต์รายงาน", "--json"], cancellationToken: Cancel);

        Assert.Contains("\"name\":\"สคริปต์รายงาน\"", run.Stdout, StringComparison.Ordinal);
        var token = run.Json<CreatedToken>();
        Assert.Equal("admin@example.go.th", token.Email);
        Assert.Equal(["SystemAdmin"], token.Roles);
        Assert.StartsWith("itas_", token.Token, StringComparison.Ordinal);
        Assert.True(token.TokenId > 0);
    }

    [Fact]
    public async Task Seed_demo_prints_the_agency_each_years_scores_and_the_links_and_says_when_nothing_changed()
    {
        var run = await App.Verbs.RunOkAsync(["seed-demo", "--json"], cancellationToken: Cancel);

        using var json = run.JsonDocument();
        var root = json.RootElement;
        Assert.True(root.GetProperty("created").GetBoolean());
        Assert.Equal("เทศบาลตำบลคลองวาฬ", root.GetProperty("agency").GetProperty("nameTh").GetString());
        Assert.Equal([2564, 2565, 2566], root.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("fiscalYear").GetInt32()));
        var latest = root.GetProperty("years")[2];
        Assert.Equal("ผ่านดีเยี่ยม", latest.GetProperty("rating").GetString());
        Assert.Equal(JsonValueKind.Number, latest.GetProperty("total").ValueKind);
        Assert.Equal(30, root.GetProperty("minimumSamples").GetProperty("iit").GetInt32());
        Assert.All(root.GetProperty("links").EnumerateArray(), l => Assert.StartsWith(SurveyApp.PublicBaseUrl + "/go/", l.GetProperty("url").GetString(), StringComparison.Ordinal));

        using var again = (await App.Verbs.RunOkAsync(["seed-demo", "--json"], cancellationToken: Cancel)).JsonDocument();
        Assert.False(again.RootElement.GetProperty("created").GetBoolean());
        Assert.Equal(root.GetProperty("agency").GetProperty("id").GetInt32(), again.RootElement.GetProperty("agency").GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("list-rounds")]
    [InlineData("create-admin", "--email", "admin@example.go.th")]
    [InlineData("backup", "--to", "copy.db")]
    [InlineData("validate", "surveys")]
    [InlineData("help")]
    public async Task Any_other_verb_given_json_exits_2_and_says_which_verbs_take_it(params string[] args)
    {
        // Refused before any database is opened, so SQLite serves in the PostgreSQL build too.
        var app = Launch.App("Sqlite", $"Data Source={Path.Combine(_folder, "untouched.db")}");

        var run = await app.Verbs.RunAsync([.. args, "--json"], cancellationToken: Cancel);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains($"'{args[0]}' has no JSON output; --json is for create-round, create-token, generate-codes, seed-demo.", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "untouched.db")));
    }

    private Task<VerbRun> CreateRoundAsync(string year, params string[] more) =>
        App.Verbs.RunOkAsync(["create-round", "--agency", Agency, "--province", "ประจวบคีรีขันธ์", "--group", "tambon-municipality-s", "--headcount", "50",
            "--year", year, "--opens", "2566-01-01", "--closes", "2590-12-31", .. more], cancellationToken: Cancel);
}
