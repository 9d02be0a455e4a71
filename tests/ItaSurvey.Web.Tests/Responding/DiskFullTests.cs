using System.Diagnostics;
using System.Net;
using ItaSurvey.Web.Tests.Processes;

namespace ItaSurvey.Web.Tests.Responding;

/// <summary>
/// A real full disk under the SQLite file: a 16 MB tmpfs filled to the last byte. Respondents
/// get the Thai "not saved" form, nothing acknowledged is lost, the file stays intact, and the
/// app stores again once space returns. Needs root to mount (CI runs as root); elsewhere it skips.
/// </summary>
public sealed class DiskFullTests : IAsyncLifetime
{
    private readonly string _mount = Directory.CreateTempSubdirectory("itasurvey-full-").FullName;
    private SurveyApp? _app;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await RunAsync("umount", _mount);
        Directory.Delete(_mount, recursive: true);
    }

    [Fact]
    public async Task On_a_full_disk_respondents_are_told_nothing_was_saved_and_the_app_recovers_when_space_returns()
    {
#if POSTGRES
        Assert.Skip("The full disk is a SQLite file's disk; PostgreSQL's own disk is the server's, tested through refused writes in DatabaseFaultTests.");
#endif
        if (await RunAsync("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", _mount) != 0)
        {
            Assert.False(Environment.GetEnvironmentVariable("ITASURVEY_REQUIRE_TOOLS") == "1", "Mounting a tmpfs (root) is required here but failed.");
            Assert.Skip("Mounting a small tmpfs needs root; the real-disk-full test was skipped (DatabaseFaultTests still simulates it).");
        }
        _app = new SurveyApp { SubmissionsPerMinute = 100_000, DataFolder = Path.Combine(_mount, "data") };
        var round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink);
        var browser = _app.NewBrowser();
        await RenderedForm.LoadAsync(browser, $"/go/eit/{round.EitCode}"); // the key ring exists before the disk fills, as in any running app
        var junk = Path.Combine(_mount, "junk");
        Fill(junk);

        // Submit until the disk refuses: WAL pages already allocated may take a few first.
        var acknowledged = 0;
        HttpResponseMessage? refused = null;
        RenderedForm form = null!;
        for (var i = 0; i < 2000 && refused is null; i++)
        {
            form = await RenderedForm.LoadAsync(browser, $"/go/eit/{round.EitCode}");
            var answer = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete(_ => i % 4)), Cancel);
            if (answer.StatusCode == HttpStatusCode.Redirect)
            {
                acknowledged++;
            }
            else
            {
                refused = answer;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("ยังไม่ได้บันทึกคำตอบ", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await browser.GetAsync("/health/ready", Cancel)).StatusCode);

        File.Delete(junk);
        var again = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete(_ => 1)), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(acknowledged + 1, (await _app.StoredResponsesAsync()).Count);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health/ready", Cancel)).StatusCode);
        await using var connection = await _app.ConnectAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync(Cancel));
        FaultRecord.Write("disk-full.txt",
            $"full tmpfs under SQLite: {acknowledged} acknowledged before the disk refused, {acknowledged} stored, 0 lost; the refused one got 503 and the Thai form, " +
            "readiness 503 while full and 200 after; integrity_check ok; sent again after space returned: stored once");
    }

    private static void Fill(string path)
    {
        var block = new byte[64 * 1024];
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // No space left on device: full to the last block.
        }
        var rest = new byte[1];
        try
        {
            while (true)
            {
                stream.Write(rest);
            }
        }
        catch (IOException)
        {
        }
    }

    private static async Task<int> RunAsync(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            await process.WaitForExitAsync(Cancel);
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
