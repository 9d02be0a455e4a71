using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Loading;

/// <summary>The outcome of loading <c>surveys/</c>: the catalog when valid, and every problem found.</summary>
public sealed record SurveyLoadResult(SurveyCatalog? Catalog, IReadOnlyList<DefinitionProblem> Problems)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Loads and validates the per-year definitions under a <c>surveys/</c> folder: structure against
/// the JSON Schemas in <c>schema/</c>, then cross-references and arithmetic in code. Reports every
/// problem at once with file, line and JSON path.
/// </summary>
public static partial class SurveyLoader
{
    /// <summary>The file name of a year's assessment model.</summary>
    public const string ModelFile = "model.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Loads every fiscal year; throws <see cref="SurveyDefinitionException"/> listing all problems.</summary>
    public static SurveyCatalog LoadCatalog(string root)
    {
        var result = Load(root);
        return result.Catalog ?? throw new SurveyDefinitionException(result.Problems);
    }

    /// <summary>Loads every fiscal year folder under <paramref name="root"/> and reports all problems.</summary>
    public static SurveyLoadResult Load(string root)
    {
        var problems = new List<DefinitionProblem>();
        if (!Directory.Exists(root))
        {
            problems.Add(new(root, 0, "$", "The folder does not exist."));
            return new(null, problems);
        }
        var modelSchema = ReadSchema(root, "assessment-model.schema.json", problems);
        var questionnaireSchema = ReadSchema(root, "questionnaire.schema.json", problems);

        var yearFolders = Directory.GetDirectories(root)
            .Where(d => YearFolder().IsMatch(Path.GetFileName(d)))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
        if (yearFolders.Count == 0)
        {
            problems.Add(new(root, 0, "$", "No fiscal year folder (such as 2566/) was found."));
        }

        var years = yearFolders.Select(folder => LoadYear(folder, modelSchema, questionnaireSchema, problems)).ToList();
        return problems.Count == 0 ? new(new SurveyCatalog(years!), problems) : new(null, problems);
    }

    private static SurveyYear? LoadYear(string folder, SchemaCheck? modelSchema, SchemaCheck? questionnaireSchema, List<DefinitionProblem> problems)
    {
        var year = int.Parse(Path.GetFileName(folder), CultureInfo.InvariantCulture);
        var modelPath = Path.Combine(folder, ModelFile);
        if (!File.Exists(modelPath))
        {
            problems.Add(new(modelPath, 0, "$", "The year has no model.json."));
            return null;
        }
        var (model, modelFile) = Read<AssessmentModel>(modelPath, modelSchema, problems);
        if (model is not null)
        {
            ModelValidator.Check(model, year, modelFile!);
        }

        var questionnaires = new Dictionary<string, Questionnaire>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(folder, "*.json").Where(p => Path.GetFileName(p) != ModelFile).Order(StringComparer.Ordinal))
        {
            var expectedInstrument = Path.GetFileNameWithoutExtension(path).ToUpperInvariant();
            var (questionnaire, file) = Read<Questionnaire>(path, questionnaireSchema, problems);
            if (questionnaire is null || model is null)
            {
                continue;
            }
            QuestionnaireValidator.Check(questionnaire, model, year, expectedInstrument, file!);
            questionnaires[questionnaire.Instrument] = questionnaire;
        }

        if (model is null)
        {
            return null;
        }
        for (var i = 0; i < model.Instruments.Count; i++)
        {
            var code = model.Instruments[i].Code;
            if (!questionnaires.ContainsKey(code) && !File.Exists(Path.Combine(folder, code.ToLowerInvariant() + ".json")))
            {
                modelFile!.Report($"$.instruments[{i}]", $"Instrument {code} has no questionnaire: expected the file {Path.Combine(folder, code.ToLowerInvariant() + ".json")}.");
            }
        }
        return new SurveyYear(model, questionnaires);
    }

    private static (T? Value, DefinitionFile? File) Read<T>(string path, SchemaCheck? schema, List<DefinitionProblem> problems)
        where T : class
    {
        var bytes = File.ReadAllBytes(path).AsSpan();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.ToArray());
        }
        catch (JsonException e)
        {
            problems.Add(new(path, (int)(e.LineNumber ?? -1) + 1, string.IsNullOrEmpty(e.Path) ? "$" : e.Path, "The file is not valid JSON: " + PlainMessage(e)));
            return (null, null);
        }

        using (document)
        {
            var file = new DefinitionFile(path, JsonLineIndex.Build(bytes), problems);
            var before = problems.Count;
            schema?.Check(document.RootElement, file);
            var schemaValid = problems.Count == before;
            try
            {
                // Read the file even after schema problems (an unknown property, say), so that the
                // cross-reference checks can report theirs in the same run.
                return (document.RootElement.Deserialize<T>(JsonOptions), file);
            }
            catch (JsonException e)
            {
                if (schemaValid)
                {
                    file.Report(string.IsNullOrEmpty(e.Path) ? "$" : e.Path, "The value cannot be read: " + PlainMessage(e));
                }
                return (null, file);
            }
        }
    }

    private static SchemaCheck? ReadSchema(string root, string name, List<DefinitionProblem> problems)
    {
        var path = Path.Combine(root, "schema", name);
        if (!File.Exists(path))
        {
            problems.Add(new(path, 0, "$", "The JSON Schema is missing."));
            return null;
        }
        try
        {
            return SchemaCheck.FromFile(path);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            problems.Add(new(path, 0, "$", "The JSON Schema cannot be read: " + e.Message));
            return null;
        }
    }

    // System.Text.Json appends " Path: ... | LineNumber: ..." which the problem already carries.
    private static string PlainMessage(JsonException e)
    {
        var message = e.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }
        return message.Trim();
    }

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex YearFolder();
}
