using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ItaSurvey.Web.Data;

/// <summary>The SQLite database: migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteItaDbContext(DbContextOptions<SqliteItaDbContext> options) : ItaDbContext(options);

/// <summary>The PostgreSQL database: migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresItaDbContext(DbContextOptions<PostgresItaDbContext> options) : ItaDbContext(options);

/// <summary>Hands out the provider's context as the <see cref="ItaDbContext"/> the app works with.</summary>
internal sealed class ItaDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ItaDbContext>
    where TContext : ItaDbContext
{
    public ItaDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<ItaDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}

/// <summary>For dotnet ef on SQLite: builds the context without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteItaDbContext>
{
    public SqliteItaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteItaDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>For dotnet ef on PostgreSQL: needs no server to add a migration.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresItaDbContext>
{
    public PostgresItaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresItaDbContext>().UseNpgsql("Host=localhost;Database=itasurvey_design").Options);
}
