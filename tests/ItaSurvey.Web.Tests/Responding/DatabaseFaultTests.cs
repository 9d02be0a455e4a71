using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Responding;

/// <summary>
/// The database refuses every write, as with a full disk: respondents are told in Thai that
/// nothing was saved and keep their answers, readiness says "not ready", and once space
/// returns the same form is stored exactly once.
/// </summary>
public class DatabaseFaultTests : IAsyncLifetime
{
    private readonly FullDisk _disk = new();
    private readonly SurveyApp _app;
    private TestRound _round = null!;

    public DatabaseFaultTests() => _app = new SurveyApp { TestServices = s => s.AddSingleton<IInterceptor>(_disk) };

    public async ValueTask InitializeAsync() => _round = await _app.CreateRoundAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_the_disk_is_full_a_respondent_is_told_in_Thai_nothing_was_saved_and_keeps_every_answer()
    {
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}");
        var fields = form.Complete(field => field.Length % 2);

        _disk.Full = true;
        var refused = await browser.PostAsync(form.Action, new FormUrlEncodedContent(fields), Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        var again = RenderedForm.Parse(await refused.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("ยังไม่ได้บันทึกคำตอบ", again.Document.Body!.TextContent, StringComparison.Ordinal);
        foreach (var field in form.AnswerFields)
        {
            var chosen = again.Document.QuerySelector($"input[name='{field}'][checked]");
            Assert.Equal(form.RadioGroups[field][field.Length % 2], chosen?.GetAttribute("value"));
        }
        Assert.Equal(form.Hidden["_key"], again.Hidden["_key"]);
        Assert.Empty(await _app.StoredResponsesAsync());

        _disk.Full = false;
        var resent = await browser.PostAsync(again.Action, new FormUrlEncodedContent(again.Complete(field => field.Length % 2)), Cancel);
        var twice = await browser.PostAsync(again.Action, new FormUrlEncodedContent(again.Complete(field => field.Length % 2)), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var stored = Assert.Single(await _app.StoredResponsesAsync());
        Assert.Equal(form.AnswerFields.Select(f => (byte)(f.Length % 2)), stored.Answers);
    }

    [Fact]
    public async Task A_single_use_code_is_not_spent_by_a_submission_that_was_not_saved()
    {
        var code = (await _app.AccessCodesAsync(_round.Id, 1))[0];
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/iit/{_round.IitCode}?k={code}");

        _disk.Full = true;
        var refused = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel);
        _disk.Full = false;
        var resent = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Single(await _app.StoredResponsesAsync());
    }

    [Fact]
    public async Task Readiness_reports_a_database_that_refuses_writes_and_recovers_when_it_accepts_them()
    {
        var client = _app.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Cancel)).StatusCode);

        _disk.Full = true;
        var full = await client.GetAsync("/health/ready", Cancel);
        var live = await client.GetAsync("/health/live", Cancel);
        _disk.Full = false;
        var recovered = await client.GetAsync("/health/ready", Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode); // the process is alive: do not restart it
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task A_failed_response_write_keeps_readiness_down_until_a_write_succeeds_or_time_passes()
    {
        var browser = _app.NewBrowser();
        var form = await RenderedForm.LoadAsync(browser, $"/go/eit/{_round.EitCode}");
        _disk.FailResponsesOnly = true; // the probe's small update still fits; inserts do not
        _disk.Full = true;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel)).StatusCode);

        var afterFailure = await browser.GetAsync("/health/ready", Cancel);
        _app.Clock.Advance(TimeSpan.FromSeconds(31));
        var later = await browser.GetAsync("/health/ready", Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, afterFailure.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    /// <summary>Fails writes the way SQLite or PostgreSQL do when the disk is full.</summary>
    private sealed class FullDisk : DbCommandInterceptor
    {
        public volatile bool Full;

        public volatile bool FailResponsesOnly;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Check(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Check(command);
            return result;
        }

        private void Check(DbCommand command)
        {
            var sql = command.CommandText;
            var write = sql.Contains("INSERT ", StringComparison.OrdinalIgnoreCase) || sql.Contains("UPDATE ", StringComparison.OrdinalIgnoreCase)
                || sql.Contains("DELETE ", StringComparison.OrdinalIgnoreCase);
            if (!Full || !write || (FailResponsesOnly && !sql.Contains("\"Responses\"", StringComparison.Ordinal)))
            {
                return;
            }
#if POSTGRES
            throw new Npgsql.PostgresException("could not extend file: No space left on device", "ERROR", "ERROR", "53100");
#else
            throw new Microsoft.Data.Sqlite.SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
#endif
        }
    }
}
