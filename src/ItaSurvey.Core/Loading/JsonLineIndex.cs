using System.Text;
using System.Text.Json;

namespace ItaSurvey.Core.Loading;

/// <summary>
/// Maps JSON paths (<c>$.questions[4].indicator</c>) to the 1-based line where they start, so
/// that problems found in the parsed model can point at the line an editor must change.
/// </summary>
internal sealed class JsonLineIndex
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineIndex()
    {
    }

    /// <summary>Builds the index of a well-formed UTF-8 JSON document.</summary>
    public static JsonLineIndex Build(ReadOnlySpan<byte> utf8)
    {
        var index = new JsonLineIndex();
        var lineStarts = LineStarts(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var containers = new Stack<(string Path, bool IsArray, int Next)>();
        string? propertyPath = null;

        while (reader.Read())
        {
            var line = LineOf(lineStarts, reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    propertyPath = containers.Peek().Path + "." + reader.GetString();
                    index._lines.TryAdd(propertyPath, line);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    containers.Pop();
                    break;
                default:
                    var path = ValuePath(containers, propertyPath);
                    index._lines.TryAdd(path, line);
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                    }
                    break;
            }
        }
        return index;
    }

    /// <summary>
    /// The line of a path, or of its nearest ancestor present in the document (a missing
    /// property points at the object that should hold it).
    /// </summary>
    public int LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_lines.TryGetValue(p, out var line))
            {
                return line;
            }
        }
        return 1;
    }

    /// <summary>Turns a JSON Pointer (<c>/questions/4/indicator</c>) into this index's path form.</summary>
    public string PathOf(string jsonPointer)
    {
        var path = new StringBuilder("$");
        foreach (var raw in jsonPointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            var asIndex = $"{path}[{segment}]";
            if (int.TryParse(segment, out _) && _lines.ContainsKey(asIndex))
            {
                path.Append('[').Append(segment).Append(']');
            }
            else
            {
                path.Append('.').Append(segment);
            }
        }
        return path.ToString();
    }

    private static string ValuePath(Stack<(string Path, bool IsArray, int Next)> containers, string? propertyPath)
    {
        if (containers.Count == 0)
        {
            return "$";
        }
        var top = containers.Pop();
        if (!top.IsArray)
        {
            containers.Push(top);
            return propertyPath!;
        }
        containers.Push(top with { Next = top.Next + 1 });
        return $"{top.Path}[{top.Next}]";
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }

    private static List<long> LineStarts(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts;
    }

    private static int LineOf(List<long> lineStarts, long offset)
    {
        var found = lineStarts.BinarySearch(offset);
        return (found >= 0 ? found : ~found - 1) + 1;
    }
}
