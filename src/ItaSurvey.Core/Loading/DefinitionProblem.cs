namespace ItaSurvey.Core.Loading;

/// <summary>One problem found in a definition file.</summary>
/// <param name="File">The file, as reached from the folder that was loaded.</param>
/// <param name="Line">The 1-based line the problem points at (0 when the whole file is concerned).</param>
/// <param name="JsonPath">Where in the document, e.g. <c>$.questions[4].indicator</c>.</param>
/// <param name="Message">A plain sentence saying what is wrong.</param>
/// <param name="Thai">
/// The same in a plain Thai sentence, for the administrators who edit definitions; the loader always
/// fills it (null only when a problem is made elsewhere without one).
/// </param>
public sealed record DefinitionProblem(string File, int Line, string JsonPath, string Message, string? Thai = null)
{
    /// <summary>The problem as one line: <c>file:line: path: message</c>.</summary>
    public override string ToString() => Format(Message);

    /// <summary>The problem as one line in Thai: <c>file:line: path: thai</c> (the English message when there is no Thai).</summary>
    public string ToThaiString() => Format(string.IsNullOrWhiteSpace(Thai) ? Message : Thai);

    private string Format(string message) =>
        Line > 0 ? $"{File}:{Line}: {JsonPath}: {message}" : $"{File}: {JsonPath}: {message}";
}

/// <summary>Thrown when definitions are invalid; carries every problem found.</summary>
public sealed class SurveyDefinitionException(IReadOnlyList<DefinitionProblem> problems)
    : Exception(FormatMessage(problems))
{
    /// <summary>Every problem found, not just the first.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;

    private static string FormatMessage(IReadOnlyList<DefinitionProblem> problems) =>
        $"The questionnaire definitions have {problems.Count} problem(s):{Environment.NewLine}"
        + string.Join(Environment.NewLine, problems);
}
