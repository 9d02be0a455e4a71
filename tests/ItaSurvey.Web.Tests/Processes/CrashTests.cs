namespace ItaSurvey.Web.Tests.Processes;

/// <summary>SIGKILL in the middle of a submission load loses nothing acknowledged and leaves nothing half-stored.</summary>
public class CrashTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("itasurvey-crash-").FullName;
    private readonly TestDatabase _database = TestDatabase.Create();

    private string SqliteFile => Path.Combine(_folder, "itasurvey.db");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _database.DropAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Every_acknowledged_response_survives_a_kill_whole_and_once()
    {
        var (provider, connection) = _database.ForProcesses(SqliteFile);
        var environment = AppProcess.Environment(provider, connection);
        var link = await AppProcess.CreateRoundAsync(environment);
        var workload = new EitWorkload();

        await using (var app = await AppProcess.StartAsync(environment))
        {
            using var stop = new CancellationTokenSource();
            var load = workload.RunAsync([app.Address], link, clients: 16, TimeSpan.FromSeconds(20), stop.Token);
            while (workload.Acknowledged.Count < 150)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
            app.Kill();
            stop.Cancel();
            await load;
        }

        // The database opens again after the kill, and the app starts on it.
        await using (var restarted = await AppProcess.StartAsync(environment))
        {
            Assert.NotNull(restarted.Address);
        }
        await using var reader = _database.Connect(SqliteFile);
        var stored = await EitWorkload.StoredAsync(reader);

        Assert.True(workload.Acknowledged.Count >= 150);
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Empty(workload.Acknowledged.Except(stored));
        // Stored but unacknowledged can only be the few commits in flight at the kill.
        Assert.InRange(stored.Count - workload.Acknowledged.Count, 0, 256);
    }
}
