namespace ItaSurvey.Web.Trends;

/// <summary>
/// What the cross-agency view shows: a fiscal year (null: the latest with data), filters, sort and
/// page. Every field round-trips through the query string so that a view can be linked.
/// </summary>
public sealed record OverviewQuery(
    int? Year = null,
    string? Province = null,
    string? Group = null,
    string? Rating = null,
    string? Name = null,
    int? FlaggedAtLeast = null,
    string Sort = OverviewQuery.SortByName,
    bool Descending = false,
    int Page = 1,
    int PageSize = OverviewQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;

    public const string SortByName = "name";

    /// <summary>The columns that can be sorted by.</summary>
    public static readonly string[] SortKeys = ["name", "province", "group", "total", "rating", "iit", "eit", "oit", "change", "source", "flagged"];

    /// <summary>The choices of the filter on the share of flagged EIT responses: at least this many per cent.</summary>
    public static readonly int[] FlaggedChoices = [5, 10, 20, 30, 50];

    /// <summary>The query with unknown sort keys, pages and sizes brought back into range.</summary>
    public OverviewQuery Normalized() => this with
    {
        Province = Blank(Province),
        Group = Blank(Group),
        Rating = Blank(Rating),
        Name = Blank(Name),
        FlaggedAtLeast = FlaggedAtLeast is >= 1 and <= 100 ? FlaggedAtLeast : null,
        Sort = SortKeys.Contains(Sort) ? Sort : SortByName,
        Page = Math.Max(1, Page),
        PageSize = Math.Clamp(PageSize, 10, 200),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
