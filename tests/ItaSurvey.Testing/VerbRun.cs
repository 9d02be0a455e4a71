using System.Text.Json;

namespace ItaSurvey.Testing;

/// <summary>A verb run to the end: its exit code and everything it wrote.</summary>
public sealed record VerbRun(IReadOnlyList<string> Args, int ExitCode, string Stdout, string Stderr)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Standard output read as the one JSON object a verb prints with --json.</summary>
    public T Json<T>() =>
        JsonSerializer.Deserialize<T>(Stdout, Web) ?? throw new InvalidOperationException($"'{string.Join(' ', Args)}' printed null:\n{Stdout}");

    /// <summary>Standard output as a JSON document, to check field names as a script sees them.</summary>
    public JsonDocument JsonDocument() => System.Text.Json.JsonDocument.Parse(Stdout);

    /// <summary>This run, or an exception with its output when it exited non-zero.</summary>
    public VerbRun EnsureSuccess() => ExitCode == 0
        ? this
        : throw new InvalidOperationException($"'{string.Join(' ', Args)}' exited with code {ExitCode}:\n{Stdout}{Stderr}");
}
