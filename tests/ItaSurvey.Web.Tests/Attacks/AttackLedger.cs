using System.Collections.Concurrent;

namespace ItaSurvey.Web.Tests.Attacks;

/// <summary>
/// Counts the attack suite's attempts per class, and how many were accepted or stored wrongly
/// (both must stay 0), and writes the table to artifacts/attacks for the record.
/// </summary>
internal static class AttackLedger
{
    private static readonly ConcurrentDictionary<string, (int Attempts, int AcceptedWrongly, int StoredWrongly)> Classes = new();

    public static void Record(string attackClass, bool acceptedWrongly, bool storedWrongly) =>
        Classes.AddOrUpdate(attackClass, _ => (1, acceptedWrongly ? 1 : 0, storedWrongly ? 1 : 0),
            (_, c) => (c.Attempts + 1, c.AcceptedWrongly + (acceptedWrongly ? 1 : 0), c.StoredWrongly + (storedWrongly ? 1 : 0)));

    /// <summary>Writes every class counted so far in this test process (one file per database).</summary>
    public static void Write()
    {
#if POSTGRES
        const string database = "postgres";
#else
        const string database = "sqlite";
#endif
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "artifacts", "attacks");
        Directory.CreateDirectory(folder);
        var lines = Classes.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => $"{c.Key}\t{c.Value.Attempts}\t{c.Value.AcceptedWrongly}\t{c.Value.StoredWrongly}")
            .Prepend("class\tattempts\taccepted wrongly\tstored wrongly");
        File.WriteAllLines(Path.Combine(folder, $"ledger-{database}.tsv"), lines);
    }
}
