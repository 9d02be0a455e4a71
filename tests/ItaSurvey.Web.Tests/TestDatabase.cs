using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace ItaSurvey.Web.Tests;

/// <summary>
/// Where a test app keeps its data. With POSTGRES defined (the ItaSurvey.Web.Tests.Postgres
/// project) each app gets a fresh database on the server named by ITASURVEY_POSTGRES, dropped
/// afterwards; without a server the tests skip and say why (or fail under CI, which provides one).
/// A test app's database starts as a copy of one the app migrated once per test process
/// (<see cref="CopyTemplate"/>): migrating afresh for each of some 800 apps took most of the
/// suites' time, and the app's own start-up still runs, finding nothing left to apply.
/// </summary>
internal abstract class TestDatabase
{
    public const string ServerVariable = "ITASURVEY_POSTGRES";

    public static TestDatabase Create() =>
#if POSTGRES
        new PostgresDatabase();
#else
        new SqliteDatabase();
#endif

    public abstract void Configure(IWebHostBuilder builder, string sqliteFile);

    /// <summary>
    /// Makes this test's database a copy of the migrated template, unless it exists already (a
    /// second app over the same database). Tests of start-up itself skip this and start empty.
    /// </summary>
    public abstract void CopyTemplate(string sqliteFile);

    /// <summary>The provider and connection string for app processes started by a test.</summary>
    public abstract (string Provider, string ConnectionString) ForProcesses(string sqliteFile);

    /// <summary>A plain connection for reading what the app stored.</summary>
    public abstract System.Data.Common.DbConnection Connect(string sqliteFile);

    public abstract Task DropAsync();

    /// <summary>Cleans up as the test process ends; a failure there leaves a temporary folder or database, not a failed run.</summary>
    private static void AtExit(Action cleanUp)
    {
        try
        {
            cleanUp();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"test template not removed: {e.Message}");
        }
    }

    private sealed class SqliteDatabase : TestDatabase
    {
        public override void Configure(IWebHostBuilder builder, string sqliteFile) =>
            builder.UseSetting("Database:ConnectionString", $"Data Source={sqliteFile}");

        public override (string Provider, string ConnectionString) ForProcesses(string sqliteFile) => ("Sqlite", $"Data Source={sqliteFile}");

        public override System.Data.Common.DbConnection Connect(string sqliteFile) => new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={sqliteFile}");

        public override Task DropAsync() => Task.CompletedTask;

        private static readonly Lazy<string> Template = new(() =>
        {
            var folder = Path.Combine(Path.GetTempPath(), "itasurvey-template-" + Guid.NewGuid().ToString("N"));
            SurveyApp.MigrateTemplate(new SqliteDatabase(), folder);
            var file = Path.Combine(folder, "itasurvey.db");
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
            {
                connection.Open();
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);"; // everything in the one file we copy
                checkpoint.ExecuteNonQuery();
            }
            AppDomain.CurrentDomain.ProcessExit += (_, _) => AtExit(() => Directory.Delete(folder, recursive: true));
            return file;
        });

        public override void CopyTemplate(string sqliteFile)
        {
            if (File.Exists(sqliteFile))
            {
                return;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(sqliteFile)!);
            File.Copy(Template.Value, sqliteFile);
        }
    }

    private sealed class PostgresDatabase : TestDatabase
    {
        private readonly string _name = "itasurvey_test_" + Guid.NewGuid().ToString("N")[..16];
        private string? _server;
        private bool _copied;

        private static readonly Lazy<string> Template = new(() =>
        {
            var template = new PostgresDatabase();
            var folder = Path.Combine(Path.GetTempPath(), "itasurvey-template-" + Guid.NewGuid().ToString("N"));
            SurveyApp.MigrateTemplate(template, folder);
            NpgsqlConnection.ClearAllPools();
            // No session may be connected to a template while it is copied: closed to connections,
            // not even autovacuum opens it.
            template.Execute($"ALTER DATABASE \"{template._name}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => AtExit(() =>
            {
                template.Execute($"ALTER DATABASE \"{template._name}\" WITH IS_TEMPLATE false");
                template.Execute($"DROP DATABASE IF EXISTS \"{template._name}\" WITH (FORCE)");
            });
            return template._name;
        });

        public override void CopyTemplate(string sqliteFile)
        {
            ForProcesses(sqliteFile); // skips without a server
            if (_copied)
            {
                return;
            }
            var template = Template.Value;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    Execute($"CREATE DATABASE \"{_name}\" TEMPLATE \"{template}\"");
                    _copied = true;
                    return;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
                {
                    Thread.Sleep(100); // another copy of the template is being made this moment
                }
            }
        }

        /// <summary>Runs one statement on the server's maintenance database.</summary>
        private void Execute(string sql)
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }

        public override void Configure(IWebHostBuilder builder, string sqliteFile)
        {
            var (provider, connection) = ForProcesses(sqliteFile);
            builder.UseSetting("Database:Provider", provider);
            builder.UseSetting("Database:ConnectionString", connection);
        }

        public override (string Provider, string ConnectionString) ForProcesses(string sqliteFile)
        {
            _server = Environment.GetEnvironmentVariable(ServerVariable);
            if (string.IsNullOrEmpty(_server))
            {
                Assert.False(Environment.GetEnvironmentVariable("ITASURVEY_REQUIRE_TOOLS") == "1", $"{ServerVariable} is required here but not set.");
                Assert.Skip($"PostgreSQL tests need a server: set {ServerVariable} to a connection string of a role that may create databases, e.g. 'Host=127.0.0.1;Username=itasurvey;Password=...' (.ci/run starts one).");
            }
            return ("Postgres", new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString);
        }

        public override System.Data.Common.DbConnection Connect(string sqliteFile) => new NpgsqlConnection(ForProcesses(sqliteFile).ConnectionString);

        public override async Task DropAsync()
        {
            if (_server is null)
            {
                return;
            }
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            // FORCE ends the database's other sessions; one owned by another role (a background
            // worker) needs pg_signal_backend, so without it the drop is tried again a few times.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
                    await drop.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
                {
                    await Task.Delay(500);
                }
            }
        }
    }
}
