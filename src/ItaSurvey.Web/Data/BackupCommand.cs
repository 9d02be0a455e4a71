using ItaSurvey.Web.Commands;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Data;

/// <summary>
/// backup --to &lt;file&gt;: a consistent copy of the SQLite database taken with SQLite's online
/// backup API, safe while the app is serving. PostgreSQL is backed up with pg_dump instead.
/// </summary>
public static class BackupCommand
{
    public static readonly string[] Usage =
        ["backup --to <file.db>                      SQLite online backup (safe while the app runs); PostgreSQL: use pg_dump"];

    public static async Task<int> RunAsync(IServiceProvider services, CommandOptions options, TextWriter output, TextWriter error)
    {
        var settings = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (settings.IsPostgres)
        {
            error.WriteLine("This app uses PostgreSQL: back it up with pg_dump (see the README, 'Backup and restore').");
            return 2;
        }
        var target = Path.GetFullPath(options.Required("to"));
        if (File.Exists(target))
        {
            error.WriteLine($"{target} exists already; choose a new file so that no backup is overwritten.");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var source = new SqliteConnection(settings.ConnectionString);
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ConnectionString);
        await source.OpenAsync();
        await copy.OpenAsync();
        source.BackupDatabase(copy);
        await using var check = copy.CreateCommand();
        check.CommandText = "PRAGMA integrity_check; ";
        var integrity = (string?)await check.ExecuteScalarAsync();
        check.CommandText = "SELECT COUNT(*) FROM \"Responses\"";
        var responses = (long)(await check.ExecuteScalarAsync() ?? 0L);
        output.WriteLine($"Backed up to {target}: {new FileInfo(target).Length:N0} bytes, {responses:N0} responses, integrity {integrity}.");
        return integrity == "ok" ? 0 : 1;
    }
}
