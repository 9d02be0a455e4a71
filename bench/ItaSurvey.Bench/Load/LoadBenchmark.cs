using System.Diagnostics;
using System.Globalization;

namespace ItaSurvey.Bench.Load;

/// <summary>
/// Drives complete EIT submissions (GET the form, POST every answer) against the built web app
/// from N concurrent clients per level, prints throughput and latency, then checks that the
/// database holds exactly the submissions the server acknowledged.
/// </summary>
internal static class LoadBenchmark
{
    public const string Usage = "load [--concurrency 1,16,64] [--seconds 10] [--server <ItaSurvey.Web.dll>] [--synchronous FULL|NORMAL] [--postgres <server connection string>]";

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    // Bounds a level even if the server answered errors faster than any real submission.
    private const int MaxIterationsPerWorker = 200_000;

    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        if (!File.Exists(options.Server))
        {
            Console.Error.WriteLine($"No server at {options.Server}. Build it first: dotnet build -c Release src/ItaSurvey.Web");
            return 2;
        }

        Console.WriteLine($"load: {options.Server}, {(options.Postgres is null ? $"SQLite synchronous={options.Synchronous}" : "PostgreSQL (a fresh database)")}, {options.Seconds} s per level, "
            + $"{Environment.ProcessorCount} processors shared by client and server");
        await using var server = await LoadServer.StartAsync(options.Server, options.Synchronous, options.Postgres);
        var fields = await ProbeAsync(server);
        Console.WriteLine($"load: EIT form {server.FormPath} with {fields} answer fields; data in {server.Folder}");
        Console.WriteLine($"{"concurrency",11} {"submissions",11} {"subm/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"POST p99",9} {"double 409",10}  unexpected");

        var levels = new List<LoadTally> { Print("warm-up", await RunLevelAsync(server, 1, WarmUp)) };
        foreach (var concurrency in options.Concurrency)
        {
            levels.Add(Print(concurrency.ToString(CultureInfo.InvariantCulture), await RunLevelAsync(server, concurrency, TimeSpan.FromSeconds(options.Seconds))));
        }

        await server.StopAsync();
        var all = LoadTally.Merge(levels);
        var stored = server.CountResponses();
        await File.WriteAllLinesAsync(Path.Combine(server.Folder, "server.log"), server.Log);
        Console.WriteLine($"load: server exited with code {server.ExitCode}{(server.ExitedEarly ? ", on its own before the bench stopped it" : " when stopped")}");
        ServerLog.Summarise(server.Log, Console.Out);
        var ok = stored == all.Acknowledged && all.UnexpectedCount == 0 && all.DoublesRefused == all.DoublesSent && !server.ExitedEarly;
        Console.WriteLine($"load: stored {stored}, acknowledged {all.Acknowledged}: {(stored == all.Acknowledged ? "OK" : "MISMATCH")}");
        if (!ok)
        {
            server.KeepFolder = true;
            Console.WriteLine($"load: FAILED ({all.UnexpectedCount} unexpected answers, {all.DoublesRefused}/{all.DoublesSent} double submits refused); data kept in {server.Folder}");
        }
        return ok ? 0 : 1;
    }

    private static async Task<LoadTally> RunLevelAsync(LoadServer server, int concurrency, TimeSpan duration)
    {
        var workers = Enumerable.Range(0, concurrency).Select(_ => new LoadWorker(server.Address, server.FormPath)).ToList();
        try
        {
            var start = Stopwatch.GetTimestamp();
            var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(deadline, MaxIterationsPerWorker))));
            var tally = LoadTally.Merge(workers.Select(w => w.Tally));
            tally.Elapsed = Stopwatch.GetElapsedTime(start);
            return tally;
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    private static LoadTally Print(string level, LoadTally t)
    {
        var unexpected = t.UnexpectedCount == 0 ? "none" : string.Join(", ", t.UnexpectedByKind.Select(u => $"{u.Key} ×{u.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{level,11} {t.Completed,11} {t.Completed / t.Elapsed.TotalSeconds,8:F1} {t.FullPercentile(0.50),8:F1} {t.FullPercentile(0.95),8:F1} "
            + $"{t.FullPercentile(0.99),8:F1} {t.PostPercentile(0.99),9:F1} {$"{t.DoublesRefused}/{t.DoublesSent}",10}  {unexpected}"));
        return t;
    }

    // One form up front: a page the regexes cannot read stops the run before the load, with a clear message.
    private static async Task<int> ProbeAsync(LoadServer server)
    {
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        var html = await http.GetStringAsync(server.FormPath);
        return SurveyForm.Parse(html)?.FieldCount
            ?? throw new InvalidOperationException($"GET {server.FormPath} returned no complete form (hidden _key and antiforgery fields, _capacity, answer radios).");
    }
}

internal sealed record LoadOptions(int[] Concurrency, int Seconds, string Server, string Synchronous, string? Postgres = null)
{
    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions([1, 16, 64], 10, DefaultServer(), "FULL");
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--concurrency" => options with { Concurrency = [.. value.Split(',').Select(c => Positive("--concurrency", c, 1024))] },
                "--seconds" => options with { Seconds = Positive("--seconds", value, 3600) },
                "--server" => options with { Server = Path.GetFullPath(value) },
                "--postgres" => options with { Postgres = value },
                "--synchronous" => options with
                {
                    Synchronous = value.ToUpperInvariant() is "FULL" or "NORMAL" ? value.ToUpperInvariant() : throw new ArgumentException("--synchronous is FULL or NORMAL."),
                },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }
        return options;
    }

    private static int Positive(string name, string text, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max
            ? n
            : throw new ArgumentException($"{name} takes whole numbers from 1 to {max}, not '{text}'.");

    // The Release build of the web project in the repository this bench was built from.
    private static string DefaultServer()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ItaSurvey.sln")))
            {
                return Path.Combine(folder.FullName, "src", "ItaSurvey.Web", "bin", "Release", "net10.0", "ItaSurvey.Web.dll");
            }
        }
        return "ItaSurvey.Web.dll";
    }
}
