using System.ComponentModel.DataAnnotations;

namespace ItaSurvey.Web.Data;

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (the default: one file, no server) or "Postgres" (several app instances, national scale).</summary>
    [AllowedValues("Sqlite", "Postgres")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// The connection string. SQLite: a file path, relative to the current directory.
    /// PostgreSQL: e.g. "Host=db;Database=itasurvey;Username=itasurvey;Password=...".
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/itasurvey.db";

    /// <summary>
    /// SQLite's synchronous setting in WAL mode. FULL syncs every commit to disk, so an
    /// acknowledged response survives a power cut, not only a crash of the app.
    /// </summary>
    [AllowedValues("FULL", "NORMAL")]
    public string SqliteSynchronous { get; set; } = "FULL";

    public bool IsPostgres => Provider == "Postgres";
}
