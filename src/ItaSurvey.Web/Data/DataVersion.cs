namespace ItaSurvey.Web.Data;

/// <summary>
/// A counter that a writer raises with its change, so that every instance's in-memory cache of
/// that data sees the change with one cheap read by key (table <c>DataVersions</c>).
/// </summary>
public sealed class DataVersion
{
    /// <summary>The cross-agency overview's scores (official results imported or replaced).</summary>
    public const string Overview = "overview";

    /// <summary>The published fiscal-year versions (one published, or a round re-pinned).</summary>
    public const string Surveys = "surveys";

    public string Name { get; set; } = "";

    public long Version { get; set; }
}
