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
    public async Task Three_kills_in_the_middle_of_a_32_way_load_lose_nothing_acknowledged_and_store_each_once()
    {
        var (provider, connection) = _database.ForProcesses(SqliteFile);
        var launcher = Launch.App(provider, connection);
        var link = await Launch.CreateRoundAsync(launcher);
        var workload = new EitWorkload();
        var table = new List<string> { $"SIGKILL under 32 clients, {provider}: try, acknowledged so far, stored, stored but unacknowledged" };

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var target = workload.Acknowledged.Count + 150;
            await using (var app = await launcher.StartAsync(cancellationToken: TestContext.Current.CancellationToken))
            {
                using var stop = new CancellationTokenSource();
                var load = workload.RunAsync([app.Address], link, clients: 32, TimeSpan.FromSeconds(30), stop.Token);
                while (workload.Acknowledged.Count < target && !load.IsCompleted)
                {
                    await Task.Delay(20, TestContext.Current.CancellationToken);
                }
                app.Kill();
                stop.Cancel();
                await load;
            }

            var stored = await StoredAsync();
            table.Add($"{attempt}, {workload.Acknowledged.Count}, {stored.Count}, {stored.Count - workload.Acknowledged.Count}");
            Assert.True(workload.Acknowledged.Count >= target, $"only {workload.Acknowledged.Count} acknowledged before the kill");
            Assert.Equal(stored.Count, stored.Distinct().Count()); // each once
            Assert.Empty(workload.Acknowledged.Except(stored)); // nothing acknowledged lost
            // Stored but unacknowledged can only be the commits in flight at each kill.
            Assert.InRange(stored.Count - workload.Acknowledged.Count, 0, 256 * attempt);
        }

        // The database opens again after the last kill, and the app starts on it.
        await using (var restarted = await launcher.StartAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.NotNull(restarted.Address);
        }
        TestContext.Current.SendDiagnosticMessage(string.Join(Environment.NewLine, table));
        Directory.CreateDirectory(Artifacts);
        await File.WriteAllLinesAsync(Path.Combine(Artifacts, $"sigkill-{provider.ToLowerInvariant()}.txt"), table, TestContext.Current.CancellationToken);
    }

    private static string Artifacts => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "artifacts", "faults");

    // Whole responses only: StoredAsync fails on any that is not whole.
    private async Task<List<int>> StoredAsync()
    {
        await using var reader = _database.Connect(SqliteFile);
        return await EitWorkload.StoredAsync(reader);
    }
}
