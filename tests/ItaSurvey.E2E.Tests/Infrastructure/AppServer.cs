using System.Collections.Concurrent;
using System.Diagnostics;
using ItaSurvey.Testing;

[assembly: AssemblyFixture(typeof(ItaSurvey.E2E.Tests.Infrastructure.AppServer))]

namespace ItaSurvey.E2E.Tests.Infrastructure;

/// <summary>
/// One real server for the whole run, on a free loopback port over a fresh SQLite file, seeded
/// with the app's own command-line verbs before it starts: a system administrator and three
/// rounds, so that the scenarios that count responses each count their own round's.
/// Not started at all when Chromium is missing (the tests skip).
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    public const string AdminEmail = "admin@e2e.example.go.th";

    public const string AdminPassword = "e2e-long-passphrase-1";

    private readonly ConcurrentQueue<string> _accessCodes = new();
    private string? _folder;
    private RunningApp? _app;

    public Uri Address => _app?.Address ?? throw new InvalidOperationException("The server was not started.");

    /// <summary>Scenario 1 alone answers here: its EIT count is exactly what it sent.</summary>
    public SeededRound CitizenRound { get; private set; } = null!;

    /// <summary>Single-use IIT codes; scenarios 2, 3 and 5 answer here.</summary>
    public SeededRound StaffRound { get; private set; } = null!;

    /// <summary>Scenario 4 alone answers here, then reads the counts and scores.</summary>
    public SeededRound AdminRound { get; private set; } = null!;

    /// <summary>
    /// An agency whose name tries to break out of the website snippet's alt attribute (issue 18):
    /// pasted raw, its image's onerror would set window.__pwned.
    /// </summary>
    public const string HostileAgency = "เทศบาลตำบลทดสอบ\"><img src=x onerror=\"window.__pwned=(window.__pwned||0)+1\">";

    /// <summary>A round of <see cref="HostileAgency"/>; nobody answers here.</summary>
    public SeededRound HostileRound { get; private set; } = null!;

    /// <summary>A round whose public ITA page one scenario publishes (<c>PublicItaPageTests</c>); nobody else records its OIT.</summary>
    public SeededRound PublicPageRound { get; private set; } = null!;

    /// <summary>A round whose OIT evidence one scenario points at a local site and checks (<c>EvidenceCheckTests</c>).</summary>
    public SeededRound EvidenceRound { get; private set; } = null!;

    /// <summary>The quality panel's round (<c>QualityPanelTests</c>): honest citizens and a straight-lined crowd answer here.</summary>
    public SeededRound QualityRound { get; private set; } = null!;

    /// <summary>A fresh single-use code of <see cref="StaffRound"/>.</summary>
    public string TakeAccessCode() =>
        _accessCodes.TryDequeue(out var code) ? code : throw new InvalidOperationException("The seeded single-use codes ran out; generate more.");

    public async ValueTask InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            return;
        }
        _folder = Directory.CreateTempSubdirectory("itasurvey-e2e-").FullName;
        var port = AppLauncher.FreePort();
        // Development accepts an http PublicBaseUrl and non-secure cookies on loopback; the QR codes
        // then point at this very server.
        var launcher = new AppLauncher(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(_folder, "itasurvey.db")}",
            ["Oit__LinkCheck__Enabled"] = "false",
            // The evidence scenario's site is on 127.0.0.1; Development is one of the two environments that honour this.
            ["Oit__LinkCheck__AllowPrivateNetworks"] = "true",
            ["Oit__LinkCheck__Timeout"] = "00:00:05",
            ["Responding__SubmissionsPerMinutePerClient"] = "1000",
            ["Logging__LogLevel__Default"] = "Warning",
        }, _folder);
        var clock = Stopwatch.StartNew();

        // Verbs one after another: run side by side, their migrations wait on each other's locks.
        await launcher.Verbs.RunOkAsync(["create-admin", "--email", AdminEmail], AdminPassword + "\n");
        CitizenRound = await CreateRoundAsync(launcher, "เทศบาลตำบลทดสอบประชาชน", "open");
        StaffRound = await CreateRoundAsync(launcher, "เทศบาลตำบลทดสอบบุคลากร", "codes");
        AdminRound = await CreateRoundAsync(launcher, "เทศบาลตำบลทดสอบผู้ดูแล", "open");
        HostileRound = await CreateRoundAsync(launcher, HostileAgency, "open");
        PublicPageRound = await CreateRoundAsync(launcher, "เทศบาลตำบลทดสอบหน้าสาธารณะ", "open");
        EvidenceRound = await CreateRoundAsync(launcher, "เทศบาลตำบลทดสอบหลักฐาน", "open");
        QualityRound = await CreateRoundAsync(launcher, "เทศบาลตำบลทดสอบคุณภาพคำตอบ", "open");
        foreach (var code in await launcher.Verbs.GenerateCodesAsync(StaffRound.Id, 20))
        {
            _accessCodes.Enqueue(code);
        }

        _app = await launcher.StartAsync(port);
        TestContext.Current.SendDiagnosticMessage($"e2e: server {Address} seeded and ready in {clock.Elapsed.TotalSeconds:F1} s (data in {_folder})");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            await File.WriteAllLinesAsync(Path.Combine(Artifacts.Folder, "server.log"), _app.Log);
        }
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<SeededRound> CreateRoundAsync(AppLauncher launcher, string agency, string iitMode)
    {
        var round = await launcher.Verbs.CreateRoundAsync(agency, iitMode);
        return new SeededRound(round.RoundId, round.Link("IIT").Code, round.Link("EIT").Code);
    }
}
