using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ItaSurvey.Bench.Load;

/// <summary>
/// The built web app as a child process on a loopback port, with a fresh SQLite file in a temp
/// folder and one assessment round whose EIT link the load goes to.
/// </summary>
internal sealed partial class LoadServer(Process process, ConcurrentQueue<string> log, string folder, Uri address, string formPath) : IAsyncDisposable
{
    public Uri Address => address;

    /// <summary>The EIT form, /go/eit/{code}.</summary>
    public string FormPath => formPath;

    public string Folder => folder;

    /// <summary>Everything the server wrote to stdout and stderr, in order.</summary>
    public IReadOnlyCollection<string> Log => log;

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>Whether the server was gone before the bench stopped it: something else ended it.</summary>
    public bool ExitedEarly { get; private set; }

    /// <summary>Left in place when a run fails, for a look at the database and the log.</summary>
    public bool KeepFolder { get; set; }

    /// <summary>The SQLite file the server uses (on SQLite runs).</summary>
    public string Database => Path.Combine(folder, "itasurvey.db");

    /// <summary>The server's process id (the app runs inside the dotnet host's process).</summary>
    public int ProcessId => process.Id;

    private string Dll { get; init; } = "";

    private Dictionary<string, string> Environment { get; init; } = [];

    /// <summary>Runs a command-line verb of the app against the same database while the server runs; returns what it printed.</summary>
    public Task<string> RunVerbAsync(params string[] args) => RunVerbAsync(Dll, Environment, folder, args);

    /// <summary>The PostgreSQL database of this run, when the run is on PostgreSQL (created fresh, dropped after).</summary>
    private string? Postgres { get; init; }

    public static async Task<LoadServer> StartAsync(string dll, string synchronous, string? postgresServer = null)
    {
        var folder = Directory.CreateTempSubdirectory("itasurvey-load-").FullName;
        var postgres = postgresServer is null
            ? null
            : new Npgsql.NpgsqlConnectionStringBuilder(postgresServer) { Database = "itasurvey_load_" + Path.GetFileName(folder).Replace("-", "_", StringComparison.Ordinal).ToLowerInvariant() }.ConnectionString;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["Database__ConnectionString"] = postgres ?? $"Data Source={Path.Combine(folder, "itasurvey.db")}",
            ["Database__SqliteSynchronous"] = synchronous,
            ["Responding__SubmissionsPerMinutePerClient"] = "1000000",
            ["PublicBaseUrl"] = "https://ita.example.test",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        var created = await RunVerbAsync(dll, environment, folder,
            ["create-round", "--agency", "เทศบาลตำบลทดสอบ", "--province", "ประจวบคีรีขันธ์", "--group", "tambon-municipality-s",
             "--headcount", "50", "--year", "2566", "--opens", "2566-01-01", "--closes", "2575-12-31"]);
        if (EitLink().Match(created) is not { Success: true } link)
        {
            throw new InvalidOperationException($"create-round printed no EIT link (folder {folder} kept):\n{created}");
        }

        var port = FreePort();
        var log = new ConcurrentQueue<string>();
        var start = Start(dll, environment, folder, ["--urls", $"http://127.0.0.1:{port}"]);
        start.OutputDataReceived += (_, e) => Append(log, e.Data);
        start.ErrorDataReceived += (_, e) => Append(log, e.Data);
        start.Start();
        start.BeginOutputReadLine();
        start.BeginErrorReadLine();
        var server = new LoadServer(start, log, folder, new Uri($"http://127.0.0.1:{port}/"), link.Groups[1].Value)
        {
            Postgres = postgres, Dll = dll, Environment = environment,
        };
        try
        {
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            return server;
        }
        catch
        {
            server.KeepFolder = true;
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGTERM and a wait, so the app shuts down as it would in service; a kill if it does not.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            ExitedEarly = true;
            return;
        }
        if (!OperatingSystem.IsWindows())
        {
            using var signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
        }
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            log.Enqueue("(bench: the server did not stop within 15 s of SIGTERM and was killed)");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Rows in Responses, read from the database directly once the server is gone.</summary>
    public long CountResponses()
    {
        if (Postgres is not null)
        {
            using var pg = new Npgsql.NpgsqlConnection(Postgres);
            pg.Open();
            using var rows = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM \"Responses\"", pg);
            return (long)rows.ExecuteScalar()!;
        }
        var connection = new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var db = new SqliteConnection(connection.ToString());
        db.Open();
        using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Responses";
        return (long)count.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        if (Postgres is not null && !KeepFolder)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(Postgres) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new Npgsql.NpgsqlConnectionStringBuilder(Postgres).Database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        if (!KeepFolder)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}:\n{string.Join('\n', log)}");
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
            await Task.Delay(200);
        }
        throw new TimeoutException($"GET / did not answer 200 within {limit.TotalSeconds:F0} s:\n{string.Join('\n', log)}");
    }

    private static async Task<string> RunVerbAsync(string dll, Dictionary<string, string> environment, string folder, string[] args)
    {
        using var verb = Start(dll, environment, folder, args);
        verb.StartInfo.RedirectStandardInput = true;
        verb.Start();
        verb.StandardInput.Close(); // nothing on standard input: create-admin generates a password
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
            throw new TimeoutException($"{args[0]} did not finish within 60 s (folder {folder} kept).");
        }
        return verb.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{args[0]} exited with code {verb.ExitCode} (folder {folder} kept):\n{await output}{await errors}");
    }

    private static Process Start(string dll, Dictionary<string, string> environment, string folder, string[] args)
    {
        // The SDK names its own host when it runs us; otherwise "dotnet" from PATH.
        var info = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
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

    // Free when asked; the server binds it a moment later, which on a quiet loopback is safe enough.
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"EIT: (/go/eit/[A-Za-z0-9]+)")]
    private static partial Regex EitLink();
}
