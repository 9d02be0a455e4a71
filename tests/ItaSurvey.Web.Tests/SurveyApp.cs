using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Rounds;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ItaSurvey.Web.Tests;

/// <summary>
/// The real app over a throw-away database, with a clock the test controls (2 May 2566 BE,
/// 10:00 Thai time). This project uses a SQLite file; ItaSurvey.Web.Tests.Postgres compiles the
/// same tests with POSTGRES defined and gives each app its own PostgreSQL database.
/// </summary>
public sealed class SurveyApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;

    private readonly string _folder;

    private readonly bool _ownsDatabase;

    private bool _fromTemplate = true;

    public SurveyApp()
    {
        _database = TestDatabase.Create();
        _folder = Path.Combine(Path.GetTempPath(), "itasurvey-app-" + Guid.NewGuid().ToString("N"));
        _ownsDatabase = true;
    }

    private SurveyApp(TestDatabase template, string folder)
    {
        _database = template;
        _folder = folder;
        _fromTemplate = false;
    }

    /// <summary>Starts the app once over an empty <paramref name="database"/>, which its start-up migrates, and stops it.</summary>
    internal static void MigrateTemplate(TestDatabase database, string folder)
    {
        using var app = new SurveyApp(database, folder);
        _ = app.Services;
    }

    // Private: a class fixture (IClassFixture<SurveyApp>) may have one public constructor only.
    private SurveyApp(SurveyApp first)
    {
        _database = first._database;
        _folder = first._folder;
        _fromTemplate = first._fromTemplate;
    }

    /// <summary>
    /// A second instance of the app over the database of <paramref name="first"/>, as behind a
    /// load balancer: its own services, caches and clock. Dispose it before the first, which
    /// drops the database.
    /// </summary>
    public static SurveyApp SharingDatabaseOf(SurveyApp first) => new(first);

    /// <summary>
    /// Where the SQLite file lives: a fresh temporary folder unless a test needs another disk,
    /// where the app starts on an empty database as it does on a new machine.
    /// </summary>
    public string DataFolder
    {
        get => _folder;
        init
        {
            _folder = value;
            _fromTemplate = false;
        }
    }

    public int SubmissionsPerMinute { get; init; } = 60;

    /// <summary>More services for one test's app: faults, a proxy in front.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public const string PublicBaseUrl = "https://ita.example.test";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2023, 5, 2, 3, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Moves the clock past 30 June 2566, when test rounds close: from then on every response
    /// counts, where an open round holds IIT figures back (Privacy.Released).
    /// </summary>
    public void CloseRounds() => Clock.SetUtcNow(new DateTimeOffset(2023, 7, 1, 3, 0, 0, TimeSpan.Zero));

    public string DatabaseFile => Path.Combine(_folder, "itasurvey.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        if (_fromTemplate)
        {
            _database.CopyTemplate(DatabaseFile);
        }
        _database.Configure(builder, DatabaseFile);
        builder.UseSetting("PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Oit:LinkCheck:Enabled", "false"); // tests that need the link check start it themselves
        builder.UseSetting("Dashboards:Snapshots:Enabled", "false"); // tests refresh score snapshots themselves
        builder.UseSetting("Responding:WindowRanking:Enabled", "false"); // tests rank finished days themselves
        builder.UseSetting("Responding:SubmissionsPerMinutePerClient", SubmissionsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            TestServices?.Invoke(services);
        });
    }

    /// <summary>Creates an agency and a round open 1 April – 30 June 2566, returning its IIT and EIT link codes.</summary>
    public async Task<TestRound> CreateRoundAsync(IitMode mode = IitMode.SingleUseCodes, DateOnly? opens = null, DateOnly? closes = null,
        string agencyName = "เทศบาลตำบลคลองวาฬ")
    {
        var admin = Services.GetRequiredService<RoundAdmin>();
        var agency = await admin.CreateAgencyAsync(new Agency
        {
            NameTh = agencyName, NameEn = "Khlong Wan Subdistrict Municipality",
            Province = "ประจวบคีรีขันธ์", AgencyGroup = "tambon-municipality-s", StaffHeadcount = 80,
        });
        var round = await admin.CreateRoundAsync(agency.Id, 2566, opens ?? new DateOnly(2023, 4, 1), closes ?? new DateOnly(2023, 6, 30), mode);
        return new TestRound(round.Id, round.Links.Single(l => l.Instrument == "IIT").Code, round.Links.Single(l => l.Instrument == "EIT").Code, agency.Id);
    }

    public async Task<IReadOnlyList<string>> AccessCodesAsync(int roundId, int count) =>
        await Services.GetRequiredService<RoundAdmin>().GenerateAccessCodesAsync(roundId, count);

    /// <summary>A plain connection to this app's database (either provider), opened, for faults and checks.</summary>
    public async Task<System.Data.Common.DbConnection> ConnectAsync()
    {
        var connection = _database.Connect(DatabaseFile);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public async Task<List<string>> AccessCodesInDatabaseAsync(int roundId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync();
        return await db.AccessCodes.Where(c => c.RoundId == roundId).Select(c => c.Code).ToListAsync();
    }

    public async Task<List<ItaSurvey.Web.Responding.Response>> StoredResponsesAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync();
        return await db.Responses.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>Creates a user with a role and assigned agencies; returns the e-mail and password.</summary>
    public async Task<(string Email, string Password)> CreateUserAsync(string role, params int[] agencyIds)
    {
        using var scope = Services.CreateScope();
        await ItaSurvey.Web.Accounts.AccountCommands.EnsureRolesAsync(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ItaSurvey.Web.Accounts.AppUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        var password = ItaSurvey.Web.Accounts.AccountCommands.Generate();
        var user = new ItaSurvey.Web.Accounts.AppUser { UserName = email, Email = email, EmailConfirmed = true };
        user.Agencies.AddRange(agencyIds.Select(id => new ItaSurvey.Web.Accounts.AgencyAssignment { UserId = user.Id, AgencyId = id }));
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return (email, password);
    }

    /// <summary>A browser signed in through the real login form.</summary>
    public async Task<HttpClient> SignedInBrowserAsync(string email, string password)
    {
        var browser = NewBrowser();
        var page = await browser.GetStringAsync("/admin/login", TestContext.Current.CancellationToken);
        var token = new HtmlParser().ParseDocument(page).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var response = await browser.PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["email"] = email, ["password"] = password, ["returnUrl"] = "/admin",
        }), TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect && response.Headers.Location!.OriginalString == "/admin",
            $"login failed: {response.StatusCode} {response.Headers.Location}");
        return browser;
    }

    /// <summary>A client with its own cookies that does not follow redirects, like a browser tab we can inspect.</summary>
    public HttpClient NewBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"), // secure cookies need https
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsDatabase)
        {
            return;
        }
        await _database.DropAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

public sealed record TestRound(int Id, string IitCode, string EitCode, int AgencyId);

/// <summary>A rendered form: its action, hidden fields and the radio groups it asks.</summary>
public sealed class RenderedForm
{
    private RenderedForm(IHtmlDocument document, IHtmlFormElement form)
    {
        Document = document;
        Action = form.GetAttribute("action")!;
        Hidden = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        RadioGroups = form.QuerySelectorAll<IHtmlInputElement>("input[type=radio]")
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.Select(i => i.Value).ToList());
    }

    public IHtmlDocument Document { get; }

    public string Action { get; }

    public Dictionary<string, string> Hidden { get; }

    /// <summary>Radio group name → the values offered, in page order.</summary>
    public Dictionary<string, List<string>> RadioGroups { get; }

    public IEnumerable<string> AnswerFields => RadioGroups.Keys.Where(k => !k.StartsWith('_'));

    public static async Task<RenderedForm> LoadAsync(HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static RenderedForm Parse(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelector<IHtmlFormElement>("form[method=post]") ?? throw new InvalidOperationException("The page has no form.");
        return new RenderedForm(document, form);
    }

    /// <summary>A complete set of fields: hidden ones, the screening answers and the given level for every answer field.</summary>
    public List<KeyValuePair<string, string>> Complete(Func<string, int>? level = null, string capacity = "citizen")
    {
        var fields = Hidden.Select(h => KeyValuePair.Create(h.Key, h.Value)).ToList();
        if (RadioGroups.ContainsKey("_capacity"))
        {
            fields.Add(KeyValuePair.Create("_capacity", capacity));
        }
        else
        {
            fields.Add(KeyValuePair.Create("_service", "1"));
        }
        fields.AddRange(AnswerFields.Select(f => KeyValuePair.Create(f, RadioGroups[f][level?.Invoke(f) ?? RadioGroups[f].Count - 1])));
        return fields;
    }
}
