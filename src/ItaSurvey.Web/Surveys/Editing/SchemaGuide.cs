using System.Globalization;
using System.Text.Json.Nodes;
using ItaSurvey.Core.Loading;

namespace ItaSurvey.Web.Surveys.Editing;

/// <summary>What kind of input a part of a definition file gets, read from its JSON Schema.</summary>
public enum FieldKind
{
    Object,
    Array,
    Text,
    Number,
    Integer,
    Boolean,
    Choice,

    /// <summary>A number or an exact fraction written as a string, such as "100/3" (scale points).</summary>
    Points,
}

/// <summary>
/// The JSON Schemas of <c>surveys/schema/</c> (the ones built into ItaSurvey.Core), read so that
/// the editor knows, for every part of a file, its kind, its properties, which are required, and
/// what a new item looks like.
/// </summary>
public sealed class SchemaGuide
{
    private readonly JsonObject _root;

    private SchemaGuide(JsonObject root) => _root = root;

    private static readonly Lazy<SchemaGuide> LazyModel = new(() => Embedded(SurveySchemas.Model));
    private static readonly Lazy<SchemaGuide> LazyQuestionnaire = new(() => Embedded(SurveySchemas.Questionnaire));

    /// <summary>The schema of <c>model.json</c>.</summary>
    public static SchemaGuide Model => LazyModel.Value;

    /// <summary>The schema of a questionnaire (<c>iit.json</c>, <c>eit.json</c>, <c>oit.json</c>).</summary>
    public static SchemaGuide Questionnaire => LazyQuestionnaire.Value;

    /// <summary>The schema of a file by its name.</summary>
    public static SchemaGuide For(string fileName) => fileName == SurveyLoader.ModelFile ? Model : Questionnaire;

    /// <summary>The schema of the whole file.</summary>
    public JsonObject Root => _root;

    /// <summary>The schema itself when it is a <c>$ref</c> to a definition, with the description of the referring schema kept.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal))
        {
            return _root["$defs"]![reference["#/$defs/".Length..]]!.AsObject();
        }
        return schema;
    }

    public FieldKind KindOf(JsonObject schema)
    {
        schema = Resolve(schema);
        if (schema["anyOf"] is not null)
        {
            return FieldKind.Points;
        }
        if (schema["enum"] is not null)
        {
            return FieldKind.Choice;
        }
        return (schema["type"]?.GetValue<string>()) switch
        {
            "object" => FieldKind.Object,
            "array" => FieldKind.Array,
            "number" => FieldKind.Number,
            "integer" => FieldKind.Integer,
            "boolean" => FieldKind.Boolean,
            _ => FieldKind.Text,
        };
    }

    /// <summary>The properties of an object schema, in the schema's order (<c>$schema</c> left out: it is for text editors).</summary>
    public IReadOnlyList<(string Name, JsonObject Schema)> Properties(JsonObject schema) =>
        Resolve(schema)["properties"]?.AsObject().Where(p => p.Key != "$schema").Select(p => (p.Key, p.Value!.AsObject())).ToList() ?? [];

    public JsonObject? Property(JsonObject schema, string name) => Resolve(schema)["properties"]?[name]?.AsObject();

    public bool IsRequired(JsonObject schema, string name) =>
        Resolve(schema)["required"]?.AsArray().Any(r => r?.GetValue<string>() == name) ?? false;

    /// <summary>The schema of an array's items.</summary>
    public JsonObject ItemsOf(JsonObject schema) => Resolve(schema)["items"]!.AsObject();

    public IReadOnlyList<string> Choices(JsonObject schema) =>
        Resolve(schema)["enum"]?.AsArray().Select(v => v!.GetValue<string>()).ToList() ?? [];

    /// <summary>The schema of the part a path reaches, such as <c>$.questions[4].items[0].text</c>; null when the path is outside the format.</summary>
    public JsonObject? At(string path)
    {
        JsonObject? schema = _root;
        foreach (var step in JsonDraft.Steps(path))
        {
            if (schema is null)
            {
                return null;
            }
            schema = step is int ? (KindOf(schema) == FieldKind.Array ? ItemsOf(schema) : null) : Property(schema, (string)step);
        }
        return schema;
    }

    /// <summary>A new value of a schema: an object with its required properties, an array with its least items, an empty text, the least number.</summary>
    public JsonNode? NewValue(JsonObject schema)
    {
        var resolved = Resolve(schema);
        switch (KindOf(schema))
        {
            case FieldKind.Object:
                var made = new JsonObject();
                foreach (var (name, property) in Properties(schema).Where(p => IsRequired(schema, p.Name)))
                {
                    made[name] = NewValue(property);
                }
                return made;
            case FieldKind.Array:
                var array = new JsonArray();
                var least = resolved["minItems"]?.GetValue<int>() ?? 0;
                for (var i = 0; i < least; i++)
                {
                    array.Add(NewValue(ItemsOf(schema)));
                }
                return array;
            case FieldKind.Number or FieldKind.Integer or FieldKind.Points:
                var minimum = resolved["minimum"]?.GetValue<decimal>() ?? 0m;
                return KindOf(schema) == FieldKind.Integer ? JsonValue.Create((long)minimum) : JsonValue.Create(minimum);
            case FieldKind.Boolean:
                return JsonValue.Create(false);
            case FieldKind.Choice:
                return JsonValue.Create(Choices(schema)[0]);
            default:
                return JsonValue.Create("");
        }
    }

    /// <summary>Turns what was typed into the value of a field of that kind; null when it is not one (a number field with letters).</summary>
    public static JsonNode? Parse(FieldKind kind, string typed)
    {
        var text = typed.Trim();
        switch (kind)
        {
            case FieldKind.Number:
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : null;
            case FieldKind.Integer:
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? JsonValue.Create(whole) : null;
            case FieldKind.Points:
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var points) ? JsonValue.Create(points) : JsonValue.Create(text);
            case FieldKind.Boolean:
                return bool.TryParse(text, out var flag) ? JsonValue.Create(flag) : null;
            default:
                return JsonValue.Create(typed);
        }
    }

    /// <summary>A value as an input shows it.</summary>
    public static string Show(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    private static SchemaGuide Embedded(string name) => new(JsonNode.Parse(SurveySchemas.Text(name))!.AsObject());
}
