using ItaSurvey.Testing;
using Microsoft.Data.Sqlite;

namespace ItaSurvey.Bench.Load;

/// <summary>
/// The built web app as a child process on a loopback port (through the shared launcher), with a
/// fresh SQLite file in a temp folder, or a fresh PostgreSQL database, and one assessment round
/// whose EIT link the load goes to.
/// </summary>
internal sealed class LoadServer(AppLauncher launcher, RunningApp app, string folder, string formPath, string? postgres) : IAsyncDisposable
{
    public Uri Address => app.Address;

    /// <summary>The EIT form, /go/eit/{code}.</summary>
    public string FormPath => formPath;

    public string Folder => folder;

    /// <summary>Everything the server wrote to stdout and stderr, in order.</summary>
    public IReadOnlyCollection<string> Log => app.Log;

    public int? ExitCode => app.ExitCode;

    /// <summary>Whether the server was gone before the bench stopped it: something else ended it.</summary>
    public bool ExitedEarly { get; private set; }

    /// <summary>Left in place when a run fails, for a look at the database and the log.</summary>
    public bool KeepFolder { get; set; }

    /// <summary>The SQLite file the server uses (on SQLite runs).</summary>
    public string Database => Path.Combine(folder, "itasurvey.db");

    /// <summary>The server's process id (the app runs inside the dotnet host's process).</summary>
    public int ProcessId => app.ProcessId;

    /// <summary>Command-line verbs of the app against the same database while the server runs.</summary>
    public AppVerbs Verbs => launcher.Verbs;

    /// <summary>
    /// Creates the round with create-round --json, then starts the server. On failure the folder
    /// (and the PostgreSQL database) are kept for a look.
    /// </summary>
    public static async Task<LoadServer> StartAsync(string dll, string synchronous, string? postgresServer = null)
    {
        var folder = Directory.CreateTempSubdirectory("itasurvey-load-").FullName;
        var postgres = postgresServer is null
            ? null
            : new Npgsql.NpgsqlConnectionStringBuilder(postgresServer) { Database = "itasurvey_load_" + Path.GetFileName(folder).Replace("-", "_", StringComparison.Ordinal).ToLowerInvariant() }.ConnectionString;
        var launcher = new AppLauncher(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["Database__ConnectionString"] = postgres ?? $"Data Source={Path.Combine(folder, "itasurvey.db")}",
            ["Database__SqliteSynchronous"] = synchronous,
            ["Responding__SubmissionsPerMinutePerClient"] = "1000000",
            ["PublicBaseUrl"] = "https://ita.example.test",
            ["Logging__LogLevel__Default"] = "Warning",
        }, folder, dll);
        try
        {
            var round = await launcher.Verbs.CreateRoundAsync("เทศบาลตำบลทดสอบ");
            var app = await launcher.StartAsync();
            return new LoadServer(launcher, app, folder, round.Link("EIT").Path, postgres);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"The server did not start (folder {folder} kept): {e.Message}", e);
        }
    }

    /// <summary>SIGTERM and a wait, so the app shuts down as it would in service; a kill if it does not.</summary>
    public async Task StopAsync() => ExitedEarly = !await app.StopAsync(TimeSpan.FromSeconds(15));

    /// <summary>Rows in Responses, read from the database directly once the server is gone.</summary>
    public long CountResponses()
    {
        if (postgres is not null)
        {
            using var pg = new Npgsql.NpgsqlConnection(postgres);
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
        await app.DisposeAsync();
        if (postgres is not null && !KeepFolder)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new Npgsql.NpgsqlConnectionStringBuilder(postgres).Database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        if (!KeepFolder)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
