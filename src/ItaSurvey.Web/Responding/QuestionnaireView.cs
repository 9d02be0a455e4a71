using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Web.Responding;

/// <summary>Everything the questionnaire page shows: the survey, the answers kept and what is missing.</summary>
public sealed record QuestionnaireView(
    SurveyLink Link,
    CompiledQuestionnaire Questionnaire,
    bool English,
    string AntiforgeryField,
    string AntiforgeryToken,
    string SubmissionKey)
{
    /// <summary>The single-use code that admitted the respondent (IIT codes mode).</summary>
    public string? AccessCode { get; init; }

    /// <summary>Answers already given, one level per field, or null for a fresh form.</summary>
    public byte[]? Levels { get; init; }

    public IReadOnlySet<string> UnansweredQuestions { get; init; } = new HashSet<string>();

    public string? Capacity { get; init; }

    public bool ServiceConfirmed { get; init; }

    public bool ShowErrors { get; init; }

    public bool Expired { get; init; }

    /// <summary>The answers arrived but the database could not store them: send again.</summary>
    public bool NotSaved { get; init; }

    public bool AnsweredOnThisDevice { get; init; }

    /// <summary>An administrator's preview of a version: a banner says so, and the form has nowhere to post and no submit.</summary>
    public bool Preview { get; init; }

    public bool IsEit => Link.Instrument == "EIT";

    public bool MissingCapacity => ShowErrors && IsEit && Capacity is null;

    public bool MissingService => ShowErrors && !IsEit && !ServiceConfirmed;

    public int MissingCount => UnansweredQuestions.Count + (MissingCapacity ? 1 : 0) + (MissingService ? 1 : 0);

    public bool IsChecked(int field, int level) => Levels is { } l && l[field] == level;

    /// <summary>The text in the page's language.</summary>
    public string T(LocalizedText text) => text.For(English ? "en" : "th");

    public string FormAction => Preview ? "#preview" : $"/go/{Link.Instrument.ToLowerInvariant()}/{Link.Code}" + (English ? "?lang=en" : "");
}

/// <summary>A public link with what its pages show about the round and agency.</summary>
public sealed record SurveyLink(
    string Code,
    string Instrument,
    int RoundId,
    int FiscalYear,
    int SurveyVersionId,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    Rounds.IitMode IitMode,
    string AgencyNameTh,
    string? AgencyNameEn)
{
    public string AgencyName(bool english) => english && !string.IsNullOrWhiteSpace(AgencyNameEn) ? AgencyNameEn : AgencyNameTh;

    public bool UsesAccessCodes => Instrument == "IIT" && IitMode == Rounds.IitMode.SingleUseCodes;

    public string Path(bool english, string suffix = "") =>
        $"/go/{Instrument.ToLowerInvariant()}/{Code}{suffix}" + (english ? "?lang=en" : "");

    /// <summary>The form's address, carrying a single-use code where one admitted the respondent.</summary>
    public string FormUrl(bool english, string? accessCode) =>
        Path(english) + (accessCode is null ? "" : (english ? "&k=" : "?k=") + accessCode);
}
