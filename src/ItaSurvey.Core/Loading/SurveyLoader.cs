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

    /// <summary>The files of each year as read, in the order of <see cref="SurveyCatalog.Years"/> (when valid).</summary>
    public IReadOnlyList<YearFiles> Files { get; init; } = [];
}

/// <summary>The outcome of loading one fiscal year's files: the year when valid, and every problem found.</summary>
public sealed record YearLoadResult(SurveyYear? Year, IReadOnlyList<DefinitionProblem> Problems)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Loads and validates the per-year definitions under a <c>surveys/</c> folder, or one year's files
/// from anywhere: structure against the JSON Schemas of <c>surveys/schema/</c> (built in), then
/// cross-references and arithmetic in code. Reports every
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
            problems.Add(new(root, 0, "$", "The folder does not exist.", "ไม่พบโฟลเดอร์นี้"));
            return new(null, problems);
        }
        var yearFolders = Directory.GetDirectories(root)
            .Where(d => YearFolder().IsMatch(Path.GetFileName(d)))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
        if (yearFolders.Count == 0)
        {
            problems.Add(new(root, 0, "$", "No fiscal year folder (such as 2566/) was found.", "ไม่พบโฟลเดอร์ปีงบประมาณ (เช่น 2566/)"));
        }

        var sets = yearFolders.Select(folder => ReadFolder(folder, problems)).ToList();
        var years = sets.Select(set => LoadYear(set, problems)).ToList();
        return problems.Count == 0 ? new(new SurveyCatalog(years!), problems) { Files = sets } : new(null, problems);
    }

    /// <summary>
    /// Loads one fiscal year from its files, wherever they came from (a folder, an upload, a stored
    /// version), with every check that <see cref="Load"/> makes; problems name each file by its location.
    /// </summary>
    public static YearLoadResult LoadYear(YearFiles files)
    {
        var problems = new List<DefinitionProblem>();
        var year = LoadYear(files, problems);
        return new(problems.Count == 0 ? year : null, problems);
    }

    /// <summary>Reads a year folder such as <c>surveys/2570</c> (its name is the fiscal year) without checking it.</summary>
    public static YearFiles ReadYearFolder(string folder)
    {
        var problems = new List<DefinitionProblem>();
        var files = ReadFolder(folder, problems);
        return problems.Count == 0 ? files : throw new SurveyDefinitionException(problems);
    }

    private static YearFiles ReadFolder(string folder, List<DefinitionProblem> problems)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        if (!Directory.Exists(folder) || !YearFolder().IsMatch(name))
        {
            problems.Add(new(folder, 0, "$", "Expected a fiscal year folder named by its Buddhist Era year, such as 2570/.",
                "ต้องเป็นโฟลเดอร์ปีงบประมาณที่ตั้งชื่อตามปีพุทธศักราช เช่น 2570/"));
            return new(0, []);
        }
        return YearFiles.FromFolder(folder, int.Parse(name, CultureInfo.InvariantCulture));
    }

    private static SurveyYear? LoadYear(YearFiles files, List<DefinitionProblem> problems)
    {
        var year = files.FiscalYear;
        if (files.Files.Count == 0)
        {
            return null;
        }
        foreach (var tooLarge in files.Files.Where(f => f.Content.Length > YearFiles.MaxFileBytes))
        {
            problems.Add(new(tooLarge.Location, 0, "$", $"The file is {tooLarge.Content.Length / 1024} KB; a definition file may be at most {YearFiles.MaxFileBytes / 1024} KB.",
                $"ไฟล์มีขนาด {tooLarge.Content.Length / 1024} KB แต่ไฟล์กำหนดแบบประเมินแต่ละไฟล์มีขนาดได้ไม่เกิน {YearFiles.MaxFileBytes / 1024} KB"));
        }
        if (files.Files.Any(f => f.Content.Length > YearFiles.MaxFileBytes))
        {
            return null;
        }
        var modelSource = files.File(ModelFile);
        if (modelSource is null)
        {
            var location = files.Files[0].Location;
            problems.Add(new(Path.Combine(Path.GetDirectoryName(location) ?? "", ModelFile), 0, "$", "The year has no model.json.", "ปีงบประมาณนี้ไม่มีไฟล์ model.json"));
            return null;
        }
        var (model, modelFile) = Read<AssessmentModel>(modelSource, SchemaCheck.Model, problems);
        if (model is not null)
        {
            ModelValidator.Check(model, year, modelFile!);
        }

        var questionnaires = new Dictionary<string, Questionnaire>(StringComparer.Ordinal);
        foreach (var source in files.Files.Where(f => f.Name != ModelFile).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var expectedInstrument = Path.GetFileNameWithoutExtension(source.Name).ToUpperInvariant();
            var (questionnaire, file) = Read<Questionnaire>(source, SchemaCheck.Questionnaire, problems);
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
            var expected = code.ToLowerInvariant() + ".json";
            if (!questionnaires.ContainsKey(code) && files.File(expected) is null)
            {
                var location = Path.Combine(Path.GetDirectoryName(modelSource.Location) ?? "", expected);
                modelFile!.Report($"$.instruments[{i}]", $"Instrument {code} has no questionnaire: expected the file {location}.",
                    $"เครื่องมือ {code} ยังไม่มีแบบสอบถาม: ต้องมีไฟล์ {location}");
            }
        }
        return new SurveyYear(model, questionnaires);
    }

    /// <summary>
    /// Only whether each file is JSON at all, with the loader's message for each that is not: a
    /// draft may be saved with other problems while it is edited, never with a file that is not JSON.
    /// </summary>
    public static IReadOnlyList<DefinitionProblem> SyntaxProblems(YearFiles files)
    {
        var problems = new List<DefinitionProblem>();
        foreach (var file in files.Files)
        {
            Parse(file, problems)?.Dispose();
        }
        return problems;
    }

    private static JsonDocument? Parse(YearFile source, List<DefinitionProblem> problems)
    {
        try
        {
            return JsonDocument.Parse(YearFiles.WithoutBom(source.Content).ToArray());
        }
        catch (JsonException e)
        {
            problems.Add(new(source.Location, (int)(e.LineNumber ?? -1) + 1, string.IsNullOrEmpty(e.Path) ? "$" : e.Path, "The file is not valid JSON: " + PlainMessage(e),
                "ไฟล์ไม่ใช่ JSON ที่ถูกต้อง: " + PlainMessage(e)));
            return null;
        }
    }

    private static (T? Value, DefinitionFile? File) Read<T>(YearFile source, SchemaCheck? schema, List<DefinitionProblem> problems)
        where T : class
    {
        var path = source.Location;
        var bytes = YearFiles.WithoutBom(source.Content);
        if (Parse(source, problems) is not { } document)
        {
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
                    file.Report(string.IsNullOrEmpty(e.Path) ? "$" : e.Path, "The value cannot be read: " + PlainMessage(e), "อ่านค่านี้ไม่ได้: " + PlainMessage(e));
                }
                return (null, file);
            }
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
