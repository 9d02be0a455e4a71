namespace ItaSurvey.Core.Loading;

/// <summary>A definition file being checked: reports problems with the line of each JSON path.</summary>
internal sealed class DefinitionFile(string path, JsonLineIndex lines, List<DefinitionProblem> problems)
{
    public string Path { get; } = path;

    public JsonLineIndex Lines { get; } = lines;

    /// <summary>Reports a problem at a path, in English and in a plain Thai sentence.</summary>
    public void Report(string jsonPath, string english, string thai) =>
        problems.Add(new DefinitionProblem(Path, Lines.LineOf(jsonPath), jsonPath, english, thai));

    /// <summary>Reports the Thai text at a path when it is blank; <paramref name="whatThai"/> names the same thing in Thai.</summary>
    public void RequireThai(Model.LocalizedText? text, string jsonPath, string what, string whatThai)
    {
        if (string.IsNullOrWhiteSpace(text?.Th))
        {
            Report(jsonPath + ".th", $"{what} has no Thai text.", $"{whatThai} ยังไม่มีข้อความภาษาไทย");
        }
    }

    /// <summary>Reports every code that appears more than once; <paramref name="whatThai"/> names the kind of item in Thai.</summary>
    public void RequireUnique<T>(IReadOnlyList<T> items, Func<T, string> code, string listPath, string what, string whatThai)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Add(code(items[i])))
            {
                Report($"{listPath}[{i}].code", $"{what} code '{code(items[i])}' is used more than once.", $"รหัส{whatThai} '{code(items[i])}' ถูกใช้มากกว่าหนึ่งครั้ง");
            }
        }
    }
}
