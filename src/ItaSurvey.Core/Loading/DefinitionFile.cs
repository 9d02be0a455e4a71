namespace ItaSurvey.Core.Loading;

/// <summary>A definition file being checked: reports problems with the line of each JSON path.</summary>
internal sealed class DefinitionFile(string path, JsonLineIndex lines, List<DefinitionProblem> problems)
{
    public string Path { get; } = path;

    public JsonLineIndex Lines { get; } = lines;

    public void Report(string jsonPath, string message) =>
        problems.Add(new DefinitionProblem(Path, Lines.LineOf(jsonPath), jsonPath, message));

    /// <summary>Reports the Thai text at a path when it is blank.</summary>
    public void RequireThai(Model.LocalizedText? text, string jsonPath, string what)
    {
        if (string.IsNullOrWhiteSpace(text?.Th))
        {
            Report(jsonPath + ".th", $"{what} has no Thai text.");
        }
    }

    /// <summary>Reports every code that appears more than once.</summary>
    public void RequireUnique<T>(IReadOnlyList<T> items, Func<T, string> code, string listPath, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Add(code(items[i])))
            {
                Report($"{listPath}[{i}].code", $"{what} code '{code(items[i])}' is used more than once.");
            }
        }
    }
}
