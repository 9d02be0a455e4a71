using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Data;

public static class DatabaseSetup
{
    /// <summary>Registers the context factory for the configured database.</summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddDbContextFactory<ItaDbContext>((services, options) =>
        {
            var settings = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            options.UseSqlite(settings.ConnectionString)
                .AddInterceptors(new SqlitePragmas(settings.SqliteSynchronous));
        });
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }

    /// <summary>Creates the data folder, applies migrations and switches SQLite to WAL.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        await using var db = await services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // WAL is stored in the file: readers never block the writer, and commits are cheap.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}

/// <summary>Migrates the database as the app starts, before the server takes requests.</summary>
internal sealed class DatabaseMigrator(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => DatabaseSetup.MigrateAsync(services, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
