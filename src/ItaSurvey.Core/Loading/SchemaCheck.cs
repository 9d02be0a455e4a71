using System.Text.Json;
using Json.Schema;

namespace ItaSurvey.Core.Loading;

/// <summary>Checks a document against one of the JSON Schemas of <c>surveys/schema/</c>.</summary>
internal sealed class SchemaCheck
{
    private readonly JsonSchema _schema;

    private SchemaCheck(JsonSchema schema) => _schema = schema;

    private static readonly Lazy<SchemaCheck> LazyModel = new(() => Embedded(SurveySchemas.Model));

    private static readonly Lazy<SchemaCheck> LazyQuestionnaire = new(() => Embedded(SurveySchemas.Questionnaire));

    /// <summary>The schema of <c>model.json</c>, as built into the app.</summary>
    public static SchemaCheck Model => LazyModel.Value;

    /// <summary>The schema of a questionnaire file, as built into the app.</summary>
    public static SchemaCheck Questionnaire => LazyQuestionnaire.Value;

    // The schemas of surveys/schema/ are compiled in, so that a stored or uploaded version is
    // checked by the same rules as the files in git; each gets its own registry so that they never clash.
    private static SchemaCheck Embedded(string name) =>
        new(JsonSchema.FromText(SurveySchemas.Text(name), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public void Check(JsonElement document, DefinitionFile file)
    {
        var results = _schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return;
        }
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var details = results.Details ?? [];
        // A branch of a oneOf/anyOf that the value did not take is not a problem when another
        // branch matched: "100/3" fails the number branch of points but matches the fraction one.
        var failedChoices = details.Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Keys.Where(k => k is "oneOf" or "anyOf").Select(k => d.EvaluationPath + "/" + k))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var detail in details)
        {
            if (detail.Errors is null || InChoiceThatMatched(detail.EvaluationPath.ToString(), failedChoices))
            {
                continue;
            }
            var path = file.Lines.PathOf(detail.InstanceLocation.ToString());
            foreach (var (keyword, error) in detail.Errors)
            {
                if (Explain(keyword, error, path) is { } message && reported.Add(path + message.English))
                {
                    file.Report(path, message.English, message.Thai);
                }
            }
        }
    }

    private static bool InChoiceThatMatched(string evaluationPath, HashSet<string> failedChoices)
    {
        foreach (var keyword in new[] { "/oneOf/", "/anyOf/" })
        {
            for (var at = evaluationPath.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = evaluationPath.IndexOf(keyword, at + 1, StringComparison.Ordinal))
            {
                if (!failedChoices.Contains(evaluationPath[..(at + keyword.Length - 1)]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    // Turns the validator's wording into plain sentences, in English and in Thai, for the keywords
    // editors meet most; "oneOf"/"anyOf" summaries are skipped because their branches are reported on their own.
    private static (string English, string Thai)? Explain(string keyword, string error, string path)
    {
        switch (keyword)
        {
            case "required":
                var missing = error.Replace("Required properties ", "", StringComparison.Ordinal).Replace(" are not present", "", StringComparison.Ordinal);
                return ($"A required property is missing: {missing}.", $"ขาดฟิลด์ที่ต้องระบุ: {missing}");
            case "" or "additionalProperties" or "unevaluatedProperties" or "falseSchema" when path.Contains('.', StringComparison.Ordinal):
                var name = path[(path.LastIndexOf('.') + 1)..];
                return ($"Unknown property '{name}': it is not part of the format (check its spelling).",
                    $"ไม่รู้จักฟิลด์ '{name}' เพราะไม่อยู่ในรูปแบบที่กำหนด (ตรวจสอบการสะกด)");
            case "oneOf" or "anyOf":
                return null;
            case "enum":
                return ("The value is not one of those allowed here (see the schema's enum).",
                    "ค่านี้ไม่ใช่ค่าที่อนุญาตให้ใช้ในตำแหน่งนี้ (ดูค่าที่อนุญาตใน enum ของ schema)");
            case "type":
                return ($"The value has the wrong type: {error}", $"ค่านี้มีชนิดข้อมูลไม่ถูกต้อง: {error}");
            case "pattern":
                return ($"The value does not have the expected form: {error}", $"ค่านี้ไม่อยู่ในรูปแบบที่กำหนด: {error}");
            default:
                return ($"Does not match the schema ({keyword}): {error}", $"ไม่ตรงกับรูปแบบที่กำหนด ({keyword}): {error}");
        }
    }
}
