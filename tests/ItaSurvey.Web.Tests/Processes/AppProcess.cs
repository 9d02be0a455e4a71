using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ItaSurvey.Web.Tests.Processes;

/// <summary>
/// The built app as a real process on a loopback port, for what an in-process test host cannot
/// show: several instances on one database, and a process killed mid-write.
/// </summary>
internal sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _log = [];

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join(System.Environment.NewLine, _log.TakeLast(40));
            }
        }
    }

    /// <summary>Runs a command-line verb against the database and returns what it printed.</summary>
    public static async Task<string> RunVerbAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(Start(environment, args))!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', args)} failed: {error}{output}");
        return output;
    }

    /// <summary>Creates an open EIT/IIT round through the CLI and returns its EIT link code.</summary>
    public static async Task<string> CreateRoundAsync(IReadOnlyDictionary<string, string> environment)
    {
        var output = await RunVerbAsync(environment, "create-round", "--agency", "เทศบาลตำบลทดสอบ", "--province", "ประจวบคีรีขันธ์",
            "--group", "tambon-municipality-s", "--headcount", "50", "--year", "2566", "--opens", "2566-01-01", "--closes", "2590-12-31");
        return EitLink().Match(output).Groups[1].Value;
    }

    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var process = Process.Start(Start(environment, ["--urls", address.ToString()]))!;
        var app = new AppProcess(process, address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        await app.DisposeAsync();
        throw new InvalidOperationException("The app did not become ready:" + System.Environment.NewLine + app.Log);
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>Settings every process gets: production, the test base URL, no link checks, no rate limit in the way.</summary>
    public static Dictionary<string, string> Environment(string provider, string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = provider,
        ["Database__ConnectionString"] = connectionString,
        ["PublicBaseUrl"] = SurveyApp.PublicBaseUrl,
        ["Oit__LinkCheck__Enabled"] = "false",
        ["Responding__SubmissionsPerMinutePerClient"] = "100000",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static ProcessStartInfo Start(IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ItaSurvey.Web.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.Add(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"EIT: /go/eit/([2-9A-Z]{6})")]
    private static partial Regex EitLink();
}
