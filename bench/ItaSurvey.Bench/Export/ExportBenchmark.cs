using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using ItaSurvey.Bench.Load;
using ItaSurvey.Core.Loading;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Testing;
using Microsoft.Data.Sqlite;

namespace ItaSurvey.Bench.Export;

/// <summary>
/// Streams a round's EIT responses out of the built app as CSV and XLSX at two sizes (a tenth
/// of the responses, then all of them) and prints each download's rows, bytes, seconds and the
/// server's peak resident memory, to show that memory does not grow with the number of rows.
/// </summary>
internal static class ExportBenchmark
{
    public const string Usage = "export [--responses 1000000] [--server <ItaSurvey.Web.dll>]";

    public static async Task<int> RunAsync(string[] args)
    {
        var responses = 1_000_000;
        var server = LoadOptions.Parse([]).Server;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--responses" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 10:
                    responses = n;
                    break;
                case "--server":
                    server = Path.GetFullPath(args[i + 1]);
                    break;
                default:
                    Console.Error.WriteLine("usage: " + Usage);
                    return 2;
            }
        }
        if (!File.Exists(server) || !OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine($"Needs Linux (/proc) and a server at {server}. Build it first: dotnet build -c Release src/ItaSurvey.Web");
            return 2;
        }

        await using var app = await LoadServer.StartAsync(server, "NORMAL");
        await app.Verbs.RunOkAsync(["create-admin", "--email", "bench@example.test"]);
        var token = (await app.Verbs.RunOkAsync(["create-token", "--email", "bench@example.test", "--name", "export bench", "--json"])).Json<CreatedToken>().Token;
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var layout = Eit();
        Console.WriteLine($"export: {server}, SQLite in {app.Folder}; EIT has {layout.FieldCount} answer fields; "
            + $"server VmHWM after start {Memory(app.ProcessId, "VmHWM")} MiB");
        Console.WriteLine($"{"responses",10} {"file",14} {"rows",10} {"MiB",8} {"seconds",8} {"rows/s",9} {"VmHWM before",13} {"VmHWM after",12} {"VmRSS after",12}");

        var stored = 0;
        foreach (var size in new[] { responses / 10, responses })
        {
            var clock = Stopwatch.StartNew();
            Seed(app.Database, layout, stored, size - stored);
            Console.WriteLine($"export: seeded {size - stored:N0} EIT responses in {clock.Elapsed.TotalSeconds:F1} s (raw SQL, one transaction)");
            stored = size;
            foreach (var file in new[] { "responses.csv?instrument=EIT", "responses.xlsx" })
            {
                ResetPeak(app.ProcessId);
                var before = Memory(app.ProcessId, "VmHWM");
                var (rows, bytes, seconds) = await DownloadAsync(http, "/api/v1/rounds/1/export/" + file, app.Folder);
                var after = Memory(app.ProcessId, "VmHWM");
                Console.WriteLine($"{size,10:N0} {file.Split('?')[0],14} {rows,10:N0} {bytes / 1048576.0,8:F1} {seconds,8:F1} {rows / seconds,9:N0} {before,10} MiB {after,8} MiB {Memory(app.ProcessId, "VmRSS"),8} MiB");
                if (rows != size)
                {
                    Console.WriteLine($"export: FAILED: {rows} rows, not {size}");
                    app.KeepFolder = true;
                    return 1;
                }
            }
        }
        await app.StopAsync();
        return 0;
    }

    private static CompiledQuestionnaire Eit()
    {
        var year = SurveyLoader.LoadCatalog(Path.Combine(AppContext.BaseDirectory, "surveys")).Year(2566);
        return new CompiledQuestionnaire(year.Model, year.Questionnaire("EIT"));
    }

    /// <summary>Inserts responses the way the app stores them (round 1, the current layout) in one transaction.</summary>
    private static void Seed(string database, CompiledQuestionnaire layout, int from, int count)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        db.Open();
        using var transaction = db.BeginTransaction();
        using var insert = db.CreateCommand();
        insert.CommandText = "INSERT INTO Responses (RoundId, Instrument, SubmittedOn, SubmissionKey, FormVersion, Answers, RespondentGroup) "
            + "VALUES (1, 'EIT', $on, $key, $version, $answers, $group)";
        var on = insert.Parameters.Add("$on", SqliteType.Text);
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        insert.Parameters.AddWithValue("$version", layout.Fingerprint);
        var answers = insert.Parameters.Add("$answers", SqliteType.Blob);
        var group = insert.Parameters.Add("$group", SqliteType.Text);
        var random = new Random(from);
        var levels = new byte[layout.FieldCount];
        for (var i = from; i < from + count; i++)
        {
            for (var f = 0; f < levels.Length; f++)
            {
                levels[f] = (byte)random.Next(layout.LevelCounts[f]);
            }
            on.Value = new DateOnly(2023, 1, 1).AddDays(i % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            key.Value = Guid.NewGuid().ToString().ToUpperInvariant();
            answers.Value = levels;
            group.Value = (i % 3) switch { 0 => "citizen", 1 => "business", _ => "agency" };
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Downloads a file as it streams; counts CSV lines as they pass, and XLSX rows from the saved sheet.</summary>
    private static async Task<(long Rows, long Bytes, double Seconds)> DownloadAsync(HttpClient http, string url, string folder)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var xlsx = url.Contains(".xlsx", StringComparison.Ordinal);
        var saved = Path.Combine(folder, xlsx ? "export.xlsx" : "export.csv");
        await using (var body = await response.Content.ReadAsStreamAsync())
        await using (var file = File.Create(saved))
        {
            await body.CopyToAsync(file);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var bytes = new FileInfo(saved).Length;
        long rows;
        if (xlsx)
        {
            using var zip = ZipFile.OpenRead(saved);
            // The second sheet is EIT (IIT, EIT, codebook).
            rows = Count(zip.GetEntry("xl/worksheets/sheet2.xml")!.Open(), "<row"u8) - 1;
        }
        else
        {
            rows = Count(File.OpenRead(saved), "\r\n"u8) - 1;
        }
        File.Delete(saved);
        return (rows, bytes, seconds);
    }

    private static long Count(Stream stream, ReadOnlySpan<byte> token)
    {
        using (stream)
        {
            var buffer = new byte[1 << 20];
            var carry = 0;
            long count = 0;
            int read;
            while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
            {
                var span = buffer.AsSpan(0, carry + read);
                var consumed = 0;
                int at;
                while ((at = span[consumed..].IndexOf(token)) >= 0)
                {
                    count++;
                    consumed += at + token.Length;
                }
                carry = Math.Min(token.Length - 1, span.Length - consumed);
                span[^carry..].CopyTo(buffer);
            }
            return count;
        }
    }

    /// <summary>Resident memory figures of a process in MiB, from /proc/&lt;pid&gt;/status.</summary>
    private static long Memory(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }

    // "5" resets the peak resident size (VmHWM) to the current one, so each download shows its own peak.
    private static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");
}
