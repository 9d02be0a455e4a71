using ItaSurvey.Web.Hosting;

namespace ItaSurvey.Web.Accounts;

/// <summary>How often an open admin page checks that its user may still sign in (section "Accounts").</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// Between checks of an open page's user: locked, removed, or given another role or other
    /// agencies since the page opened (their security stamp changed) signs the page out.
    /// </summary>
    [TimeSpanRange("00:00:01", "00:30:00")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);
}
