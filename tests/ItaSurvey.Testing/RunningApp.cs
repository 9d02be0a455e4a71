using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ItaSurvey.Testing;

/// <summary>
/// The web app running as a child process on a loopback port, its output captured line by line.
/// Disposing kills the process tree if it still runs.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    internal RunningApp(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Address { get; }

    /// <summary>The app's process id (the app runs inside the dotnet host's process).</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Everything the app wrote to stdout and stderr, in order.</summary>
    public IReadOnlyCollection<string> Log => _log;

    /// <summary>The last lines of the log, for a failure message.</summary>
    public string LogTail(int lines = 60) => string.Join(Environment.NewLine, _log.TakeLast(lines));

    /// <summary>SIGKILL to the whole tree: no shutdown, no flush, no goodbye.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM and a wait, so the app shuts down as it would in service; a kill if it does not within <paramref name="patience"/>.</summary>
    /// <returns>False when the app had exited on its own before it was asked to stop.</returns>
    public async Task<bool> StopAsync(TimeSpan? patience = null)
    {
        if (_process.HasExited)
        {
            return false;
        }
        if (!OperatingSystem.IsWindows())
        {
            using var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(patience ?? TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _log.Enqueue($"(launcher: the app did not stop within {(patience ?? TimeSpan.FromSeconds(15)).TotalSeconds:F0} s of SIGTERM and was killed)");
            Kill();
            await _process.WaitForExitAsync();
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>
    /// Polls /health/ready until it answers 200. A probe that is refused, times out or answers
    /// 503 only means "not ready yet": under CPU load the first probes often do. Fails when the
    /// process exits or the deadline passes, with the app's output.
    /// </summary>
    internal async Task WaitUntilReadyAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready on {Address}:{Environment.NewLine}{LogTail()}");
            }
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"The app on {Address} was not ready within {deadline.TotalSeconds:F0} s (last probe: {last}):{Environment.NewLine}{LogTail()}");
            }
            try
            {
                using var probe = await http.GetAsync("/health/ready", cancellationToken);
                if (probe.IsSuccessStatusCode)
                {
                    return;
                }
                last = $"HTTP {(int)probe.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message; // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "the probe timed out"; // listening, but too busy starting to answer in time
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
        }
    }
}
