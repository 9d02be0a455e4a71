namespace ItaSurvey.Web.Tests.Processes;

/// <summary>Figures of the fault tests, kept in artifacts/faults for the record.</summary>
internal static class FaultRecord
{
#if POSTGRES
    public const string Database = "postgres";
#else
    public const string Database = "sqlite";
#endif

    public static void Write(string file, params string[] lines)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "artifacts", "faults");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, file), lines);
    }
}
