using System.Text.Json;
using Json.Schema;

namespace ItaSurvey.Core.Loading;

/// <summary>Checks a document against one of the JSON Schemas in <c>surveys/schema/</c>.</summary>
internal sealed class SchemaCheck
{
    private readonly JsonSchema _schema;

    private SchemaCheck(JsonSchema schema) => _schema = schema;

    /// <summary>Reads a schema file; each load gets its own registry so that reloading never clashes.</summary>
    public static SchemaCheck FromFile(string path) =>
        new(JsonSchema.FromText(File.ReadAllText(path), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public void Check(JsonElement document, DefinitionFile file)
    {
        var results = _schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return;
        }
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is null)
            {
                continue;
            }
            var path = file.Lines.PathOf(detail.InstanceLocation.ToString());
            foreach (var (keyword, error) in detail.Errors)
            {
                var message = Explain(keyword, error, path);
                if (message is not null && reported.Add(path + message))
                {
                    file.Report(path, message);
                }
            }
        }
    }

    // Turns the validator's wording into plain sentences for the keywords editors meet most;
    // "oneOf"/"anyOf" summaries are skipped because their branches are reported on their own.
    private static string? Explain(string keyword, string error, string path) => keyword switch
    {
        "required" => $"A required property is missing: {error.Replace("Required properties ", "", StringComparison.Ordinal).Replace(" are not present", "", StringComparison.Ordinal)}.",
        "" or "additionalProperties" or "unevaluatedProperties" or "falseSchema" when path.Contains('.', StringComparison.Ordinal) =>
            $"Unknown property '{path[(path.LastIndexOf('.') + 1)..]}': it is not part of the format (check its spelling).",
        "oneOf" or "anyOf" => null,
        "enum" => "The value is not one of those allowed here (see the schema's enum).",
        "type" => $"The value has the wrong type: {error}",
        "pattern" => $"The value does not have the expected form: {error}",
        _ => $"Does not match the schema ({keyword}): {error}",
    };
}
