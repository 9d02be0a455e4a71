using System.Data.Common;
using System.Diagnostics;
using System.Net;
using ItaSurvey.Web.Tests.Processes;

namespace ItaSurvey.Web.Tests.Responding;

/// <summary>
/// Another process holds the database locked for 10 s while respondents submit: each gets
/// either its thank-you page or, within the write timeout (5 s), the Thai "not saved, send
/// again" form; readiness says "not ready"; afterwards exactly the acknowledged responses are
/// stored, and the ones sent again are stored too.
/// </summary>
public class DatabaseLockTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new() { SubmissionsPerMinute = 1000 };
    private TestRound _round = null!;

    public async ValueTask InitializeAsync() => _round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ten_seconds_of_a_locked_database_lose_nothing_acknowledged_and_tell_the_others_to_send_again()
    {
        var browsers = Enumerable.Range(0, 6).Select(_ => _app.NewBrowser()).ToList();
        var forms = new List<RenderedForm>();
        foreach (var browser in browsers)
        {
            forms.Add(await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}"));
        }

        await using var locker = await _app.ConnectAsync();
        await ExecuteAsync(locker, LockStatements);
        var clock = Stopwatch.StartNew();
        var posts = browsers.Select((b, i) => b.PostAsync(forms[i].Action, new FormUrlEncodedContent(forms[i].Complete(_ => i % 2)), Cancel)).ToList();
        var answers = await Task.WhenAll(posts);
        var waited = clock.Elapsed;
        var ready = await _app.NewBrowser().GetAsync("/health/ready", Cancel);
        await Task.Delay(TimeSpan.FromSeconds(10) - clock.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero, Cancel);
        await ExecuteAsync(locker, "ROLLBACK");

        var acknowledged = answers.Count(a => a.StatusCode == HttpStatusCode.Redirect);
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.Equal(answers.Length, acknowledged + refused.Count);
        Assert.NotEmpty(refused);
        Assert.True(waited < TimeSpan.FromSeconds(9), $"respondents waited {waited.TotalSeconds:0.0} s for an answer");
        foreach (var page in refused)
        {
            Assert.Contains("ยังไม่ได้บันทึกคำตอบ", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(acknowledged, (await _app.StoredResponsesAsync()).Count);
        FaultRecord.Write($"locked-{FaultRecord.Database}.txt",
            $"database locked 10 s, 6 submissions at once: {acknowledged} acknowledged and stored, {refused.Count} told in Thai to send again after {waited.TotalSeconds:0.0} s, readiness 503 while locked");

        // Sent again once the lock is gone: each stored once.
        for (var i = 0; i < answers.Length; i++)
        {
            if (answers[i].StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                var again = await browsers[i].PostAsync(forms[i].Action, new FormUrlEncodedContent(forms[i].Complete(_ => i % 2)), Cancel);
                Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            }
        }
        Assert.Equal(answers.Length, (await _app.StoredResponsesAsync()).Count);
        Assert.Equal(HttpStatusCode.OK, (await _app.NewBrowser().GetAsync("/health/ready", Cancel)).StatusCode);
    }

#if POSTGRES
    private const string LockStatements = "BEGIN; LOCK TABLE \"Responses\", \"WriteProbes\" IN ACCESS EXCLUSIVE MODE;";
#else
    private const string LockStatements = "BEGIN EXCLUSIVE;";
#endif

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Cancel);
    }
}
