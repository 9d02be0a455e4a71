using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

[assembly: AssemblyFixture(typeof(ItaSurvey.E2E.Tests.Infrastructure.AppServer))]

namespace ItaSurvey.E2E.Tests.Infrastructure;

/// <summary>
/// One real server for the whole run, on a free loopback port over a fresh SQLite file, seeded
/// with the app's own command-line verbs before it starts: a system administrator and three
/// rounds, so that the scenarios that count responses each count their own round's.
/// Not started at all when Chromium is missing (the tests skip).
/// </summary>
public sealed partial class AppServer : IAsyncLifetime
{
    public const string AdminEmail = "admin@e2e.example.go.th";

    public const string AdminPassword = "e2e-long-passphrase-1";

    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentQueue<string> _accessCodes = new();
    private string? _folder;
    private Process? _process;
    private AppProcess? _app;

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
        _app = new AppProcess(_folder, FreePort());
        var clock = Stopwatch.StartNew();

        // Verbs one after another: run side by side, their migrations wait on each other's locks.
        await _app.RunVerbAsync(["create-admin", "--email", AdminEmail], AdminPassword + "\n");
        CitizenRound = await CreateRoundAsync("เทศบาลตำบลทดสอบประชาชน", "open");
        StaffRound = await CreateRoundAsync("เทศบาลตำบลทดสอบบุคลากร", "codes");
        AdminRound = await CreateRoundAsync("เทศบาลตำบลทดสอบผู้ดูแล", "open");
        HostileRound = await CreateRoundAsync(HostileAgency, "open");
        var codes = await _app.RunVerbAsync(["generate-codes", "--round", StaffRound.Id.ToString(), "--count", "20"]);
        foreach (var code in codes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            _accessCodes.Enqueue(code);
        }

        _process = _app.StartServer(_log);
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        TestContext.Current.SendDiagnosticMessage($"e2e: server {Address} seeded and ready in {clock.Elapsed.TotalSeconds:F1} s (data in {_folder})");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
            await File.WriteAllLinesAsync(Path.Combine(Artifacts.Folder, "server.log"), _log);
        }
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<SeededRound> CreateRoundAsync(string agency, string iitMode)
    {
        var printed = await _app!.RunVerbAsync(["create-round", "--agency", agency, "--province", "ประจวบคีรีขันธ์",
            "--group", "tambon-municipality-s", "--headcount", "50", "--year", "2566",
            "--opens", "2566-01-01", "--closes", "2575-12-31", "--iit-mode", iitMode]);
        var id = RoundLine().Match(printed);
        var iit = IitLink().Match(printed);
        var eit = EitLink().Match(printed);
        return id.Success && iit.Success && eit.Success
            ? new SeededRound(int.Parse(id.Groups[1].Value), iit.Groups[1].Value, eit.Groups[1].Value)
            : throw new InvalidOperationException($"create-round printed no round and links:\n{printed}");
    }

    private async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}:\n{string.Join('\n', _log)}");
            }
            try
            {
                using var home = await http.GetAsync("/");
                if (home.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"GET / did not answer 200 within {limit.TotalSeconds:F0} s:\n{string.Join('\n', _log)}");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^round (\d+):", RegexOptions.Multiline)]
    private static partial Regex RoundLine();

    [GeneratedRegex(@"IIT: /go/iit/([A-Za-z0-9]+)")]
    private static partial Regex IitLink();

    [GeneratedRegex(@"EIT: /go/eit/([A-Za-z0-9]+)")]
    private static partial Regex EitLink();
}
