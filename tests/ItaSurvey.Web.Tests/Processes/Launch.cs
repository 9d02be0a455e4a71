using ItaSurvey.Testing;

namespace ItaSurvey.Web.Tests.Processes;

/// <summary>
/// The built app as real processes (through the shared launcher), for what an in-process test
/// host cannot show: several instances on one database, a process killed mid-write, a backup
/// taken while it serves.
/// </summary>
internal static class Launch
{
    /// <summary>Settings every process gets: production, the test base URL, no link checks, no rate limit in the way.</summary>
    public static AppLauncher App(string provider, string connectionString) => new(new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = provider,
        ["Database__ConnectionString"] = connectionString,
        ["PublicBaseUrl"] = SurveyApp.PublicBaseUrl,
        ["Oit__LinkCheck__Enabled"] = "false",
        ["Responding__SubmissionsPerMinutePerClient"] = "100000",
        ["Logging__LogLevel__Default"] = "Warning",
    }, AppContext.BaseDirectory);

    /// <summary>The app on a test database, as <see cref="TestDatabase.ForProcesses"/> gives it.</summary>
    public static AppLauncher App((string Provider, string ConnectionString) database) => App(database.Provider, database.ConnectionString);

    /// <summary>Creates an open EIT/IIT round through create-round --json and returns its EIT link code.</summary>
    public static async Task<string> CreateRoundAsync(AppLauncher app) =>
        (await app.Verbs.CreateRoundAsync("เทศบาลตำบลทดสอบ", closes: "2590-12-31", cancellationToken: TestContext.Current.CancellationToken)).Link("EIT").Code;
}
