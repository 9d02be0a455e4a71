namespace ItaSurvey.Web.Surveys;

/// <summary>Where the questionnaire definitions are read from (configuration section "Surveys").</summary>
public sealed class SurveyOptions
{
    public const string Section = "Surveys";

    /// <summary>
    /// The folder holding one sub-folder per fiscal year and <c>schema/</c>. Empty means the copy
    /// of the repository's <c>surveys/</c> that the build puts beside the app.
    /// </summary>
    public string? Path { get; set; }

    public string ResolvedPath =>
        string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "surveys") : System.IO.Path.GetFullPath(Path);
}
