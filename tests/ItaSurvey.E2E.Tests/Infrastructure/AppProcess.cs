using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace ItaSurvey.E2E.Tests.Infrastructure;

/// <summary>
/// Runs the web app's built dll (src/ItaSurvey.Web/bin/&lt;configuration&gt;/net10.0, built first by
/// this project's reference) as a child process: a command-line verb, or the server itself.
/// </summary>
internal sealed class AppProcess(string folder, int port)
{
    public static string Dll { get; } = Metadata("WebAppDll");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public Uri Address { get; } = new($"http://127.0.0.1:{port}/");

    // Development accepts an http PublicBaseUrl and non-secure cookies on loopback; the QR codes
    // then point at this very server.
    private Dictionary<string, string> Environment => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["PublicBaseUrl"] = Address.ToString().TrimEnd('/'),
        ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "itasurvey.db")}",
        ["Oit__LinkCheck__Enabled"] = "false",
        ["Responding__SubmissionsPerMinutePerClient"] = "1000",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>Runs a verb to the end and returns what it printed; throws with its output if it fails.</summary>
    public async Task<string> RunVerbAsync(string[] args, string? input = null)
    {
        using var verb = Start(args);
        verb.StartInfo.RedirectStandardInput = true;
        verb.Start();
        await verb.StandardInput.WriteAsync(input ?? "");
        verb.StandardInput.Close();
        var output = verb.StandardOutput.ReadToEndAsync();
        var errors = verb.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await verb.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            verb.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{args[0]}' did not finish within 60 s.");
        }
        return verb.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"'{string.Join(' ', args)}' exited with code {verb.ExitCode}:\n{await output}{await errors}");
    }

    /// <summary>Starts the server on the port; its output lines go to <paramref name="log"/>.</summary>
    public Process StartServer(ConcurrentQueue<string> log)
    {
        var server = Start(["--urls", Address.ToString().TrimEnd('/')]);
        server.OutputDataReceived += (_, e) => Append(log, e.Data);
        server.ErrorDataReceived += (_, e) => Append(log, e.Data);
        server.Start();
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        return server;
    }

    private Process Start(string[] args)
    {
        if (!File.Exists(Dll))
        {
            throw new FileNotFoundException($"The web app is not built at {Dll}: dotnet build src/ItaSurvey.Web");
        }
        // The SDK names its own host when it runs the tests; otherwise "dotnet" from PATH.
        var info = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }
        return new Process { StartInfo = info };
    }

    private static void Append(ConcurrentQueue<string> log, string? line)
    {
        if (line is not null)
        {
            log.Enqueue(line);
        }
    }

    private static string Metadata(string key) =>
        typeof(AppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
