namespace ItaSurvey.Web.Surveys;

/// <summary>
/// One version of a fiscal year's definitions (the model and one questionnaire per instrument, in
/// the JSON of <c>surveys/</c>). A draft may be edited; a published version never changes, and
/// rounds pin the published version they were opened with.
/// </summary>
public sealed class SurveyVersion
{
    public int Id { get; set; }

    /// <summary>The fiscal year (Buddhist Era) the version defines.</summary>
    public int FiscalYear { get; set; }

    /// <summary>1, 2, … within the fiscal year, in the order versions were made.</summary>
    public int Number { get; set; }

    public SurveyVersionStatus Status { get; set; }

    /// <summary>SHA-256 of the files (<see cref="Core.Loading.YearFiles.ContentHash"/>), kept current on every save.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>The version this one was copied from, for "what changed"; null for an upload or the built-in files.</summary>
    public int? BasedOnId { get; set; }

    /// <summary>How the version came to be: <c>library</c> (the app's <c>surveys/</c>), <c>copy</c>, <c>upload</c>, <c>import</c>.</summary>
    public string Origin { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTime? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    /// <summary>Raised by every save: two administrators saving one draft cannot overwrite each other.</summary>
    public int Revision { get; set; }

    public List<SurveyVersionFile> Files { get; set; } = [];
}

public enum SurveyVersionStatus
{
    Draft,
    Published,
}

/// <summary>One JSON file of a version: <c>model.json</c>, <c>iit.json</c>, <c>eit.json</c>, <c>oit.json</c>.</summary>
public sealed class SurveyVersionFile
{
    public int VersionId { get; set; }

    public string Name { get; set; } = "";

    public string Text { get; set; } = "";
}
