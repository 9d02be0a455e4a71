using System.ComponentModel.DataAnnotations;

using ItaSurvey.Web.Hosting;

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

    /// <summary>
    /// How long storing responses, and the readiness probe, wait for a locked or slow database
    /// before giving up. A respondent then gets the form back, answers kept, with "not saved,
    /// send again" rather than a page that hangs.
    /// </summary>
    [TimeSpanRange("00:00:01", "00:01:00")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsPostgres => Provider == "Postgres";
}
