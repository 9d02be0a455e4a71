using System.ComponentModel.DataAnnotations;

namespace ItaSurvey.Web.Data;

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The SQLite connection string; a relative file path follows the current directory.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/itasurvey.db";

    /// <summary>
    /// SQLite's synchronous setting in WAL mode. FULL syncs every commit to disk, so an
    /// acknowledged response survives a power cut, not only a crash of the app.
    /// </summary>
    [AllowedValues("FULL", "NORMAL")]
    public string SqliteSynchronous { get; set; } = "FULL";
}
