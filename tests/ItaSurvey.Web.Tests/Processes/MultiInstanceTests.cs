#if POSTGRES
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Web.Tests.Processes;

/// <summary>
/// Two app instances on one PostgreSQL database, as behind a load balancer: a form rendered by
/// one is accepted by the other (shared data-protection keys), and counts and scores add up.
/// </summary>
public class MultiInstanceTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _database.DropAsync();

    [Fact]
    public async Task Two_instances_take_each_others_forms_at_once_and_store_every_acknowledged_response_once()
    {
        var (provider, connection) = _database.ForProcesses("");
        var launcher = Launch.App(provider, connection);
        var link = await Launch.CreateRoundAsync(launcher);
        await using var first = await launcher.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var second = await launcher.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var workload = new EitWorkload();

        await workload.RunAsync([first.Address, second.Address], link, clients: 8, TimeSpan.FromSeconds(6), TestContext.Current.CancellationToken);

        await using var reader = _database.Connect("");
        var answers = await EitWorkload.StoredAnswersAsync(reader);
        var stored = answers.Select(EitWorkload.Decode).ToList();
        Assert.Empty(workload.Failures);
        Assert.True(workload.Acknowledged.Count > 50, $"only {workload.Acknowledged.Count} submissions in 6 s");
        Assert.Equal(workload.Acknowledged.Order(), stored.Order());

        // The scores of what was stored equal the scores of what the clients sent.
        var sent = EitWorkload.Eit.NewTally();
        var kept = EitWorkload.Eit.NewTally();
        foreach (var id in workload.Acknowledged)
        {
            sent.Add(EitWorkload.Encode(id));
        }
        answers.ForEach(a => kept.Add(a));
        var (expected, actual) = (QuestionnaireScorer.Score(sent), QuestionnaireScorer.Score(kept));
        Assert.Equal(expected.Indicators.Select(i => i.Score), actual.Indicators.Select(i => i.Score));
        Assert.Equal(expected.Score, actual.Score);
    }
}
#endif
