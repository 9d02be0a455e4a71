using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ItaSurvey.Testing;

/// <summary>
/// Starts the built web app (<c>dotnet ItaSurvey.Web.dll</c>) with the given settings (environment
/// variables such as <c>Database__ConnectionString</c>) in a working directory, as a server on a
/// loopback port (<see cref="StartAsync"/>) or as a command-line verb (<see cref="Verbs"/>).
/// The app's content root is its own folder; the working directory only anchors relative paths.
/// </summary>
public sealed class AppLauncher
{
    public AppLauncher(IReadOnlyDictionary<string, string> settings, string? workingDirectory = null, string? dll = null)
    {
        Settings = settings;
        Dll = dll ?? AppPaths.WebDll;
        WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(Dll)!;
        Verbs = new AppVerbs(this);
    }

    public string Dll { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public string WorkingDirectory { get; }

    /// <summary>Runs verbs (create-round, generate-codes, ...) against the same settings and database.</summary>
    public AppVerbs Verbs { get; }

    /// <summary>How long a started server may take to answer 200 on /health/ready; CI machines under load are slow.</summary>
    public TimeSpan ReadinessDeadline { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Starts the server on <paramref name="port"/> (a free loopback port when not given) and
    /// returns once /health/ready answers 200. Throws with the app's output if it exits first or
    /// the deadline passes; the process is killed then.
    /// </summary>
    public async Task<RunningApp> StartAsync(int? port = null, CancellationToken cancellationToken = default)
    {
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}/");
        var app = new RunningApp(Process(["--urls", address.ToString().TrimEnd('/')]), address);
        try
        {
            await app.WaitUntilReadyAsync(ReadinessDeadline, cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A port nobody listens on now; the app binds it a moment later, which on loopback is safe enough.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The app's process with these settings and arguments, not started; output and input redirected.</summary>
    internal Process Process(IEnumerable<string> args)
    {
        if (!File.Exists(Dll))
        {
            throw new FileNotFoundException($"The web app is not built at {Dll}: dotnet build src/ItaSurvey.Web", Dll);
        }
        // The SDK names its own host when it runs tests; otherwise "dotnet" from PATH.
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in Settings)
        {
            info.Environment[name] = value;
        }
        return new Process { StartInfo = info };
    }
}
