namespace ItaSurvey.Core.Loading;

/// <summary>
/// The JSON Schemas of <c>surveys/schema/</c>, compiled into ItaSurvey.Core: the loader checks
/// every definition against them, and the web editor reads them to know each field's kind.
/// </summary>
public static class SurveySchemas
{
    /// <summary>The schema of <c>model.json</c>.</summary>
    public const string Model = "assessment-model.schema.json";

    /// <summary>The schema of a questionnaire file (<c>iit.json</c>, <c>eit.json</c>, <c>oit.json</c>).</summary>
    public const string Questionnaire = "questionnaire.schema.json";

    /// <summary>The text of a built-in schema.</summary>
    public static string Text(string name)
    {
        using var stream = typeof(SurveySchemas).Assembly.GetManifestResourceStream("schema/" + name)
            ?? throw new InvalidOperationException($"The schema {name} is not built into ItaSurvey.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
