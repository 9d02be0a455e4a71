using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace ItaSurvey.Web.Tests;

/// <summary>
/// Where a test app keeps its data. With POSTGRES defined (the ItaSurvey.Web.Tests.Postgres
/// project) each app gets a fresh database on the server named by ITASURVEY_POSTGRES, dropped
/// afterwards; without a server the tests skip and say why (or fail under CI, which provides one).
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

    /// <summary>The provider and connection string for app processes started by a test.</summary>
    public abstract (string Provider, string ConnectionString) ForProcesses(string sqliteFile);

    /// <summary>A plain connection for reading what the app stored.</summary>
    public abstract System.Data.Common.DbConnection Connect(string sqliteFile);

    public abstract Task DropAsync();

    private sealed class SqliteDatabase : TestDatabase
    {
        public override void Configure(IWebHostBuilder builder, string sqliteFile) =>
            builder.UseSetting("Database:ConnectionString", $"Data Source={sqliteFile}");

        public override (string Provider, string ConnectionString) ForProcesses(string sqliteFile) => ("Sqlite", $"Data Source={sqliteFile}");

        public override System.Data.Common.DbConnection Connect(string sqliteFile) => new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={sqliteFile}");

        public override Task DropAsync() => Task.CompletedTask;
    }

    private sealed class PostgresDatabase : TestDatabase
    {
        private readonly string _name = "itasurvey_test_" + Guid.NewGuid().ToString("N")[..16];
        private string? _server;

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
