using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ItaSurvey.Web.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers the context factory for the configured provider, keeps the data-protection keys
    /// in the database (so every instance can read every other's antiforgery tokens, submission
    /// keys and cookies), and readiness checks that reach the database and write to it.
    /// </summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var settings = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Interceptors registered in the container are added to every context: none in production;
        // tests add faults (a full disk, a locked file).
        if (settings.IsPostgres)
        {
            builder.Services.AddDbContextFactory<PostgresItaDbContext>((services, options) =>
                options.UseNpgsql(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
                    .AddInterceptors(services.GetServices<IInterceptor>()));
            builder.Services.AddSingleton<IDbContextFactory<ItaDbContext>, ItaDbContextFactory<PostgresItaDbContext>>();
        }
        else
        {
            builder.Services.AddDbContextFactory<SqliteItaDbContext>((services, options) =>
            {
                var current = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                options.UseSqlite(current.ConnectionString).AddInterceptors(new SqlitePragmas(current.SqliteSynchronous))
                    .AddInterceptors(services.GetServices<IInterceptor>());
            });
            builder.Services.AddSingleton<IDbContextFactory<ItaDbContext>, ItaDbContextFactory<SqliteItaDbContext>>();
        }
        // Scoped contexts for Identity's stores and the data-protection key store.
        builder.Services.AddScoped<ItaDbContext>(services => services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContext());
        builder.Services.AddDataProtection().SetApplicationName("ItaSurvey").PersistKeysToDbContext<ItaDbContext>();
        // Readiness: the database answers and accepts a write.
        builder.Services.AddSingleton<DatabaseWrites>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<ItaDbContext>("database", tags: ["ready"])
            .AddCheck<WritableDatabaseCheck>("database-writable", tags: ["ready"]);
        builder.Services.AddHostedService<DatabaseMigrator>();
        // Periodic work runs on one instance at a time (score snapshots, the OIT link check).
        builder.Services.AddSingleton<WorkLeases>();
        return builder;
    }

    /// <summary>Creates the data folder, applies the provider's migrations and switches SQLite to WAL.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!settings.IsPostgres)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }
        await using var db = await services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (!settings.IsPostgres)
        {
            // WAL is stored in the file: readers never block the writer, and commits are cheap.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Makes this context give up on a locked or slow database after <paramref name="timeout"/>
    /// instead of the provider's default (SQLite's busy timeout of 10 s, Npgsql's 30 s commands).
    /// </summary>
    public static async Task LimitWaitAsync(ItaDbContext db, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var milliseconds = ((int)timeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var setting = db.Database.GetDbConnection().CreateCommand();
        if (db.Database.IsSqlite())
        {
            // SQLite waits for a lock in its busy handler, per connection, and Microsoft.Data.Sqlite
            // retries a busy BEGIN until the connection's default timeout (30 s).
            ((SqliteConnection)db.Database.GetDbConnection()).DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds);
            db.Database.SetCommandTimeout(timeout);
            setting.CommandText = "PRAGMA busy_timeout=" + milliseconds;
        }
        else
        {
            // PostgreSQL gives up on a lock itself (a clean error, the connection stays usable);
            // the command timeout is the backstop for an unreachable server. The pool resets the
            // setting when the connection goes back.
            db.Database.SetCommandTimeout(timeout * 2);
            setting.CommandText = "SET lock_timeout = " + milliseconds;
        }
        await setting.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True when a save failed on a unique index, on either provider.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };
}

/// <summary>Migrates the database as the app starts, before the server takes requests.</summary>
internal sealed class DatabaseMigrator(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => DatabaseSetup.MigrateAsync(services, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
