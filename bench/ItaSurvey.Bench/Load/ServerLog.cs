using System.Text.RegularExpressions;

namespace ItaSurvey.Bench.Load;

/// <summary>The server's console log, folded into distinct entries so a flood of one error reads as one line.</summary>
internal static partial class ServerLog
{
    private const int MaxEntries = 20;

    private static readonly string[] Levels = ["warn: ", "fail: ", "crit: ", "info: ", "dbug: ", "trce: "];

    private static readonly string[] BusyMarkers = ["SQLITE_BUSY", "database is locked", "SQLite Error 5:", "SQLite Error 6:"];

    public static void Summarise(IReadOnlyCollection<string> log, TextWriter output)
    {
        // The console logger writes "level: Category[id]", the message indented below it, then any
        // exception; an entry is keyed by its header, first message line and first exception line.
        var entries = new List<List<string>>();
        foreach (var line in log)
        {
            if (entries.Count == 0 || Levels.Any(line.StartsWith))
            {
                entries.Add([line]);
            }
            else
            {
                entries[^1].Add(line.Trim());
            }
        }
        var keys = entries.Select(Key).ToList();
        var busy = log.Count(line => BusyMarkers.Any(m => line.Contains(m, StringComparison.OrdinalIgnoreCase)));
        var failures = keys.Count(k => k.StartsWith("fail: ", StringComparison.Ordinal) || k.StartsWith("crit: ", StringComparison.Ordinal));
        output.WriteLine($"load: server log: {log.Count} lines, {entries.Count} entries, {failures} fail/crit, {busy} lines mention SQLITE_BUSY/locked");
        foreach (var group in keys.GroupBy(k => k).OrderByDescending(g => g.Count()).Take(MaxEntries))
        {
            output.WriteLine($"  ×{group.Count()} {group.Key}");
        }
    }

    private static string Key(List<string> entry)
    {
        var parts = entry.Take(2).ToList();
        // The innermost SQLite error says more than the EF Core wrapper around it.
        var rest = entry.Skip(2).ToList();
        if ((rest.FirstOrDefault(l => l.Contains("SQLite Error", StringComparison.Ordinal))
            ?? rest.FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal))) is { } exception)
        {
            parts.Add(exception);
        }
        return Elapsed().Replace(string.Join(" | ", parts), "(…ms)");
    }

    [GeneratedRegex(@"\(\d+ms\)")]
    private static partial Regex Elapsed();
}
