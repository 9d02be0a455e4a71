using System.Text.Encodings.Web;
using System.Text.Json;

namespace ItaSurvey.Web.Commands;

/// <summary>
/// The --json output of the verbs that create things: one object on one line, camelCase names,
/// Thai written as it is (not \u escapes), so that a script can read ids, links, codes and tokens
/// without parsing the human text.
/// </summary>
public static class CommandJson
{
    /// <summary>The verbs that answer --json; any other verb given it exits with code 2.</summary>
    public static readonly string[] Verbs = ["create-round", "create-token", "generate-codes", "seed-demo"];

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Options));
}
