using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ItaSurvey.Core.Loading;

/// <summary>
/// The new-year tooling: copies one fiscal year's definition files to another fiscal year as a
/// provisional starting point, to be edited once the NACC manual of the new year is known.
/// </summary>
/// <remarks>
/// Each file keeps its properties in their order (and its <c>$schema</c>); only <c>fiscalYear</c>,
/// the years in the top-level <c>name</c> or <c>title</c> and the top-level <c>note</c> change. The
/// text is written indented the way the repository's files are (a Thai/English text on one line)
/// with Thai left unescaped, so that the files stay readable and diff well.
/// </remarks>
public static partial class YearCopy
{
    /// <summary>The difference between a Buddhist Era year and its Common Era year.</summary>
    public const int BuddhistEraOffset = 543;

    // The files are read by the loader and by people, never embedded in HTML: the relaxed encoder keeps
    // Thai, "&" (Q&A), "+" and quotes as written. It still escapes control characters and the quote.
    private static readonly JsonSerializerOptions ValueOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Copies a fiscal year's files to <paramref name="toYear"/>: each file's <c>fiscalYear</c> becomes
    /// <paramref name="toYear"/>, the years in its top-level <c>name</c> or <c>title</c> follow
    /// ("พ.ศ. 2566" → "พ.ศ. 2570", "fiscal year 2566 (2023)" → "fiscal year 2570 (2027)"), and its
    /// top-level <c>note</c> starts by saying that the set is a provisional copy of the source year,
    /// not confirmed against the NACC manual of <paramref name="toYear"/> (the file's own note follows).
    /// </summary>
    /// <param name="from">A valid fiscal year's files.</param>
    /// <param name="toYear">The new fiscal year in the Buddhist Era.</param>
    /// <param name="note">An extra sentence added after the provisional statement, such as who made the copy and why.</param>
    /// <returns>The new year's files, named as a stored version's files are (<c>2570/iit.json</c>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The new year is outside 2500–2700 or is the source year.</exception>
    /// <exception cref="SurveyDefinitionException">The source files do not load without problems.</exception>
    public static YearFiles NewYear(YearFiles from, int toYear, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentOutOfRangeException.ThrowIfLessThan(toYear, 2500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toYear, 2700);
        if (toYear == from.FiscalYear)
        {
            throw new ArgumentOutOfRangeException(nameof(toYear), toYear, "The new fiscal year is the year copied.");
        }
        var loaded = SurveyLoader.LoadYear(from);
        if (!loaded.IsValid)
        {
            throw new SurveyDefinitionException(loaded.Problems);
        }

        var provisional = ProvisionalNote(from.FiscalYear, toYear, note);
        var files = from.Files
            .Select(f => YearFile.Stored(toYear, f.Name, Rewrite(f.Text, from.FiscalYear, toYear, provisional)))
            .ToList();
        return new YearFiles(toYear, files);
    }

    /// <summary>
    /// The statement that opens every copied file's note: a provisional copy of <paramref name="fromYear"/>,
    /// not confirmed against the NACC manual of <paramref name="toYear"/>, in Thai and English.
    /// </summary>
    public static string ProvisionalNote(int fromYear, int toYear, string? note = null)
    {
        var text = $"ฉบับคัดลอกชั่วคราวจากปีงบประมาณ พ.ศ. {fromYear} ยังไม่ได้ตรวจสอบกับคู่มือ ITA ของสำนักงาน ป.ป.ช. ปี {toYear} / "
            + $"Provisional copy of fiscal year {fromYear}, not confirmed against the NACC ITA manual for {toYear}.";
        return string.IsNullOrWhiteSpace(note) ? text : text + " " + note.Trim();
    }

    /// <summary>Formats a JSON document the way the repository's definition files are written.</summary>
    /// <remarks>
    /// Two-space indentation, one property per line, except that an object holding only <c>th</c> and
    /// <c>en</c> texts and an array of plain values stay on one line; Thai is not escaped; a final newline.
    /// </remarks>
    public static string Format(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var text = new StringBuilder();
        Write(node, text, 0);
        return text.Append('\n').ToString();
    }

    private static string Rewrite(string json, int fromYear, int toYear, string provisional)
    {
        var root = JsonNode.Parse(json)?.AsObject()
            ?? throw new JsonException("A definition file must hold a JSON object.");
        root["fiscalYear"] = toYear;
        foreach (var key in new[] { "name", "title" })
        {
            if (root[key] is JsonObject text)
            {
                foreach (var language in text.Select(p => p.Key).ToList())
                {
                    if (text[language] is JsonValue value && value.TryGetValue<string>(out var s))
                    {
                        text[language] = ReplaceYears(s, fromYear, toYear);
                    }
                }
            }
        }

        var previous = root["note"] is JsonValue old && old.TryGetValue<string>(out var n) && n.Length > 0 ? n : null;
        var note = previous is null ? provisional : $"{provisional} Carried over from {fromYear}: {previous}";
        if (root.ContainsKey("note"))
        {
            root["note"] = note;
        }
        else
        {
            // Where the repository's files keep it: after "source", else after the name or title.
            var after = new[] { "source", "officialWording", "title", "name", "fiscalYear" }.Select(root.IndexOf).FirstOrDefault(i => i >= 0, -1);
            root.Insert(after + 1, "note", note);
        }
        return Format(root);
    }

    /// <summary>Replaces the Buddhist Era year, and the Common Era year that may follow it, as whole numbers.</summary>
    private static string ReplaceYears(string text, int fromYear, int toYear)
    {
        static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
        return Number().Replace(text, m =>
            m.Value == Year(fromYear) ? Year(toYear)
            : m.Value == Year(fromYear - BuddhistEraOffset) ? Year(toYear - BuddhistEraOffset)
            : m.Value);
    }

    private static void Write(JsonNode? node, StringBuilder text, int depth)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 0:
                text.Append("{}");
                break;
            case JsonObject obj when IsLocalizedText(obj):
                text.Append("{ ").AppendJoin(", ", obj.Select(p => Property(p.Key) + Value(p.Value))).Append(" }");
                break;
            case JsonObject obj:
                text.Append("{\n");
                var i = 0;
                foreach (var (key, value) in obj)
                {
                    text.Append(' ', (depth + 1) * 2).Append(Property(key));
                    Write(value, text, depth + 1);
                    text.Append(++i < obj.Count ? ",\n" : "\n");
                }
                text.Append(' ', depth * 2).Append('}');
                break;
            case JsonArray array when array.Count == 0:
                text.Append("[]");
                break;
            case JsonArray array when array.All(e => e is null or JsonValue):
                text.Append('[').AppendJoin(", ", array.Select(Value)).Append(']');
                break;
            case JsonArray array:
                text.Append("[\n");
                for (var j = 0; j < array.Count; j++)
                {
                    text.Append(' ', (depth + 1) * 2);
                    Write(array[j], text, depth + 1);
                    text.Append(j + 1 < array.Count ? ",\n" : "\n");
                }
                text.Append(' ', depth * 2).Append(']');
                break;
            default:
                text.Append(Value(node));
                break;
        }
    }

    private static bool IsLocalizedText(JsonObject obj) =>
        obj.All(p => p.Key is "th" or "en" && p.Value is JsonValue);

    private static string Property(string key) => JsonValue.Create(key).ToJsonString(ValueOptions) + ": ";

    private static string Value(JsonNode? value) => value is null ? "null" : value.ToJsonString(ValueOptions);

    [GeneratedRegex("(?<![0-9])[0-9]{4}(?![0-9])")]
    private static partial Regex Number();
}
