using System.Diagnostics;
using ItaSurvey.Testing;

namespace ItaSurvey.Web.Tests.Processes;

/// <summary>Backups taken while the app serves restore into a working app with every response.</summary>
public class BackupTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("itasurvey-backup-").FullName;
    private readonly TestDatabase _database = TestDatabase.Create();

    private string? _restoredPostgres;

    private string SqliteFile => Path.Combine(_folder, "itasurvey.db");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_restoredPostgres is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            var restored = new Npgsql.NpgsqlConnectionStringBuilder(_restoredPostgres);
            await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(_restoredPostgres) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{restored.Database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        await _database.DropAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_backup_taken_under_load_restores_every_response_it_holds()
    {
        var (provider, connection) = _database.ForProcesses(SqliteFile);
        var launcher = Launch.App(provider, connection);
        var link = await Launch.CreateRoundAsync(launcher);
        var workload = new EitWorkload();
        List<int> before;
        var backup = Path.Combine(_folder, provider == "Sqlite" ? "backup.db" : "backup.dump");

        await using (var app = await launcher.StartAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            await workload.RunAsync([app.Address], link, clients: 4, TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
            before = workload.Acknowledged.ToList();
            var load = workload.RunAsync([app.Address], link, clients: 4, TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
            await BackUpAsync(provider, connection, launcher, backup); // while submissions keep arriving
            await load;
        }

        var restored = await RestoreAsync(provider, connection, backup);
        await using (var app = await Launch.App(provider, restored).StartAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.NotNull(app.Address); // the app starts on the restored database
        }
        await using var reader = provider == "Sqlite"
            ? new Microsoft.Data.Sqlite.SqliteConnection(restored)
            : (System.Data.Common.DbConnection)new Npgsql.NpgsqlConnection(restored);
        var stored = await EitWorkload.StoredAsync(reader);
        Assert.NotEmpty(before);
        Assert.Empty(before.Except(stored)); // everything acknowledged before the backup began is in it
        Assert.Empty(stored.Except(workload.Acknowledged)); // and it holds nothing that was not acknowledged
        Assert.Equal(stored.Count, stored.Distinct().Count());
    }

    private static async Task BackUpAsync(string provider, string connection, AppLauncher launcher, string file)
    {
        if (provider == "Sqlite")
        {
            var backup = await launcher.Verbs.RunOkAsync(["backup", "--to", file], cancellationToken: TestContext.Current.CancellationToken);
            Assert.Contains("integrity ok", backup.Stdout, StringComparison.Ordinal);
            return;
        }
        var server = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        await RunAsync("pg_dump", ["-Fc", "-h", server.Host!, "-U", server.Username!, "-d", server.Database!, "-f", file], server.Password!);
    }

    private async Task<string> RestoreAsync(string provider, string connection, string file)
    {
        if (provider == "Sqlite")
        {
            var restored = Path.Combine(_folder, "restored.db");
            File.Copy(file, restored);
            return $"Data Source={restored}";
        }
        var server = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        var name = server.Database + "_restored";
        await RunAsync("createdb", ["-h", server.Host!, "-U", server.Username!, name], server.Password!);
        await RunAsync("pg_restore", ["-h", server.Host!, "-U", server.Username!, "-d", name, file], server.Password!);
        _restoredPostgres = new Npgsql.NpgsqlConnectionStringBuilder(connection) { Database = name }.ConnectionString;
        return _restoredPostgres;
    }

    private static async Task RunAsync(string tool, string[] args, string password)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
    }
}
