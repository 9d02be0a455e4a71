namespace ItaSurvey.E2E.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, which Playwright drives instead of a browser of its own (that download
/// cannot work here). Without it the tests skip, unless CI asks for the tools with
/// ITASURVEY_REQUIRE_TOOLS=1: then they fail.
/// </summary>
internal static class Chromium
{
    public static string Path => Environment.GetEnvironmentVariable("ITASURVEY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Path);

    private static bool Required => Environment.GetEnvironmentVariable("ITASURVEY_REQUIRE_TOOLS") == "1";

    /// <summary>Skips the calling test when Chromium is missing, or fails it when CI requires the tools.</summary>
    public static void Require()
    {
        if (IsInstalled)
        {
            return;
        }
        var message = $"Chromium not found at {Path} (apt-get install chromium, or set ITASURVEY_CHROMIUM to its path).";
        Assert.False(Required, message + " ITASURVEY_REQUIRE_TOOLS=1 requires it.");
        Assert.Skip(message + " The end-to-end tests were skipped.");
    }

    /// <summary>Headless, and nothing that reaches outside this machine.</summary>
    public static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
}
