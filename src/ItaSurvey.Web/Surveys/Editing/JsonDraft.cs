using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ItaSurvey.Core.Loading;

namespace ItaSurvey.Web.Surveys.Editing;

/// <summary>
/// The files of a draft being edited, as JSON nodes: set a value, add, remove or move an item of a
/// list, add or drop an optional part, each by file and JSON path (<c>$.questions[4].indicator</c>,
/// the paths the loader's problems use). After every change <see cref="Check"/> is the loader's
/// verdict on the current texts, so every problem shows at once and points at its field.
/// </summary>
public sealed class JsonDraft
{
    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, JsonNode> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unreadable = new(StringComparer.Ordinal);

    private JsonDraft(int fiscalYear) => FiscalYear = fiscalYear;

    public int FiscalYear { get; }

    /// <summary>The files, <c>model.json</c> first.</summary>
    public IReadOnlyList<string> Names { get; private set; } = [];

    /// <summary>The loader's verdict on the current texts.</summary>
    public YearLoadResult Check { get; private set; } = new(null, []);

    /// <summary>Raised by every change: what autosave compares with what it saved.</summary>
    public int Changes { get; private set; }

    public static JsonDraft From(YearFiles files)
    {
        var draft = new JsonDraft(files.FiscalYear);
        foreach (var file in files.Files)
        {
            try
            {
                draft._documents[file.Name] = JsonNode.Parse(file.Text) ?? throw new JsonException();
            }
            catch (JsonException)
            {
                draft._unreadable[file.Name] = file.Text; // kept as it is; its problem shows and it blocks publishing
            }
        }
        draft.Names = files.Files.Select(f => f.Name).OrderBy(n => n == SurveyLoader.ModelFile ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal).ToList();
        draft.Check = SurveyLoader.LoadYear(files);
        return draft;
    }

    /// <summary>The document of a file; null when the file is not JSON.</summary>
    public JsonNode? Document(string file) => _documents.GetValueOrDefault(file);

    /// <summary>The part a path reaches, or null.</summary>
    public JsonNode? At(string file, string path)
    {
        var node = Document(file);
        foreach (var step in Steps(path))
        {
            node = step switch
            {
                int index when node is JsonArray array && index < array.Count => array[index],
                string name when node is JsonObject obj => obj[name],
                _ => null,
            };
        }
        return node;
    }

    /// <summary>Sets the value a path reaches (a property or an array item); null drops an object's property.</summary>
    public void Set(string file, string path, JsonNode? value)
    {
        var (parent, last) = Parent(file, path);
        switch (parent, last)
        {
            case (JsonObject obj, string name) when value is null:
                obj.Remove(name);
                break;
            case (JsonObject obj, string name):
                obj[name] = value;
                break;
            case (JsonArray array, int index) when index < array.Count:
                array[index] = value;
                break;
            default:
                throw new ArgumentException($"{file}{path} is not in the file.", nameof(path));
        }
        Changed();
    }

    /// <summary>Sets a field from what was typed, by the kind its schema gives; false (nothing changed) when it is not a value of that kind.</summary>
    public bool SetTyped(string file, string path, string typed, bool optional)
    {
        var schema = SchemaGuide.For(file).At(path) ?? throw new ArgumentException($"{path} is not part of the format.", nameof(path));
        if (optional && string.IsNullOrWhiteSpace(typed))
        {
            Set(file, path, null);
            return true;
        }
        if (SchemaGuide.Parse(SchemaGuide.For(file).KindOf(schema), typed) is not { } value)
        {
            return false;
        }
        Set(file, path, value);
        return true;
    }

    /// <summary>Adds a new item at the end of a list (a new object has its required parts, empty).</summary>
    public void Add(string file, string arrayPath, JsonNode? item = null)
    {
        var guide = SchemaGuide.For(file);
        ArrayAt(file, arrayPath).Add(item ?? guide.NewValue(guide.ItemsOf(guide.At(arrayPath)!)));
        Changed();
    }

    public void Remove(string file, string arrayPath, int index)
    {
        ArrayAt(file, arrayPath).RemoveAt(index);
        Changed();
    }

    /// <summary>Moves an item up (-1) or down (+1); at either end nothing moves.</summary>
    public void Move(string file, string arrayPath, int index, int by)
    {
        var array = ArrayAt(file, arrayPath);
        var to = index + by;
        if (index < 0 || index >= array.Count || to < 0 || to >= array.Count)
        {
            return;
        }
        var item = array[index];
        array.RemoveAt(index);
        array.Insert(to, item);
        Changed();
    }

    /// <summary>Adds an optional part of an object (a sub-item list, an English text, evidence) with its new value.</summary>
    public void AddProperty(string file, string objectPath, string name)
    {
        var guide = SchemaGuide.For(file);
        var schema = guide.Property(guide.At(objectPath)!, name) ?? throw new ArgumentException($"{name} is not part of the format here.", nameof(name));
        ObjectAt(file, objectPath)[name] = guide.NewValue(schema);
        Changed();
    }

    public void RemoveProperty(string file, string objectPath, string name)
    {
        ObjectAt(file, objectPath).Remove(name);
        Changed();
    }

    /// <summary>The texts to save: each document written indented, Thai as it is; a file that is not JSON as it was.</summary>
    public Dictionary<string, string> Texts()
    {
        var texts = new Dictionary<string, string>(_unreadable, StringComparer.Ordinal);
        foreach (var (name, document) in _documents)
        {
            texts[name] = document.ToJsonString(Written) + "\n";
        }
        return texts;
    }

    public YearFiles Files() => new(FiscalYear, Texts().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => YearFile.Stored(FiscalYear, t.Key, t.Value)).ToList());

    /// <summary>The problems pointing exactly at a part of a file.</summary>
    public IEnumerable<DefinitionProblem> ProblemsAt(string file, string path) =>
        Check.Problems.Where(p => FileOf(p) == file && p.JsonPath == path);

    /// <summary>True when a problem points at the part or anything inside it (its section opens by itself).</summary>
    public bool HasProblemsUnder(string file, string path) =>
        Check.Problems.Any(p => FileOf(p) == file && (p.JsonPath == path || p.JsonPath.StartsWith(path + ".", StringComparison.Ordinal) || p.JsonPath.StartsWith(path + "[", StringComparison.Ordinal)));

    /// <summary>The file name a problem is about (problems name stored files <c>2570/iit.json</c>).</summary>
    public static string FileOf(DefinitionProblem problem) => problem.File[(problem.File.LastIndexOf('/') + 1)..];

    /// <summary>The id of a field on the page, such as <c>iit.json$.questions[4].indicator</c>: problems link to it.</summary>
    public static string FieldId(string file, string path) => file + path;

    /// <summary>The steps of a path: property names (strings) and array indexes (ints).</summary>
    public static IEnumerable<object> Steps(string path)
    {
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                yield return path[(i + 1)..end];
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i, StringComparison.Ordinal);
                yield return path[(i + 2)..end];
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                yield return int.Parse(path[(i + 1)..end], CultureInfo.InvariantCulture);
                i = end + 1;
            }
            else
            {
                throw new FormatException($"Not a JSON path: {path}");
            }
        }
    }

    /// <summary>Runs the loader again on the current texts.</summary>
    private void Changed()
    {
        Changes++;
        Check = SurveyLoader.LoadYear(Files());
    }

    private (JsonNode? Parent, object? Last) Parent(string file, string path)
    {
        var steps = Steps(path).ToList();
        if (steps.Count == 0)
        {
            throw new ArgumentException("A whole file cannot be replaced.", nameof(path));
        }
        var parentPath = path[..path.LastIndexOfAny(['.', '['])];
        return (At(file, parentPath), steps[^1]);
    }

    private JsonArray ArrayAt(string file, string path) =>
        At(file, path) as JsonArray ?? throw new ArgumentException($"{file}{path} is not a list.", nameof(path));

    private JsonObject ObjectAt(string file, string path) =>
        At(file, path) as JsonObject ?? throw new ArgumentException($"{file}{path} is not an object.", nameof(path));
}
