using ItaSurvey.Core.Loading;
using ItaSurvey.Core.Versions;
using ItaSurvey.Web.Rounds;

namespace ItaSurvey.Web.Surveys;

/// <summary>A version of a fiscal year's definitions as listed: status "draft" or "published".</summary>
public sealed record FiscalYearVersionDto(int Id, int FiscalYear, int Number, string Status, string Origin, int? BasedOnId,
    DateTime UpdatedAt, string UpdatedBy, DateTime? PublishedAt, int Rounds, bool Newest)
{
    public static FiscalYearVersionDto From(VersionSummary v) => new(v.Id, v.FiscalYear, v.Number, StatusOf(v.Status), v.Origin, v.BasedOnId,
        v.UpdatedAt, v.UpdatedBy, v.PublishedAt, v.Rounds, v.Newest);

    public static string StatusOf(SurveyVersionStatus status) => status == SurveyVersionStatus.Published ? "published" : "draft";
}

/// <summary>A version with its files (name → JSON text) and every problem the loader finds in them.</summary>
public sealed record FiscalYearDto(int Id, int FiscalYear, int Number, string Status, string Origin, int? BasedOnId, int Revision,
    string ContentHash, DateTime UpdatedAt, string UpdatedBy, DateTime? PublishedAt, string? PublishedBy, bool Provisional, int Rounds,
    IReadOnlyDictionary<string, string> Files, IReadOnlyList<DefinitionProblemDto> Problems)
{
    public static FiscalYearDto From(VersionDetail d)
    {
        var v = d.Version;
        return new(v.Id, v.FiscalYear, v.Number, FiscalYearVersionDto.StatusOf(v.Status), v.Origin, v.BasedOnId, v.Revision, v.ContentHash,
            v.UpdatedAt, v.UpdatedBy, v.PublishedAt, v.PublishedBy, d.Provisional, d.Rounds,
            d.Files.Files.ToDictionary(f => f.Name, f => f.Text, StringComparer.Ordinal), DefinitionProblemDto.List(d.Check.Problems));
    }
}

/// <summary>One problem of a version's files: where (file, line, JSON path) and what, in English and Thai.</summary>
public sealed record DefinitionProblemDto(string File, int Line, string Path, string Message, string MessageTh)
{
    public static IReadOnlyList<DefinitionProblemDto> List(IEnumerable<DefinitionProblem> problems) =>
        problems.Select(p => new DefinitionProblemDto(p.File, p.Line, p.JsonPath, p.Message, string.IsNullOrWhiteSpace(p.Thai) ? p.Message : p.Thai)).ToList();
}

/// <summary>
/// New text for some of a draft's files, saved if nobody saved the draft since <c>revision</c>.
/// Files left out keep their text.
/// </summary>
public sealed record FiscalYearFilesRequest(int? Revision, Dictionary<string, string>? Files);

/// <summary>The draft's revision after a save: send it with the next save or the publish.</summary>
public sealed record FiscalYearSavedDto(int Id, int Revision);

/// <summary>Publishes a draft at the revision last read or saved.</summary>
public sealed record FiscalYearPublishRequest(int? Revision);

public sealed record FiscalYearPublishedDto(int Id, int FiscalYear, int Number);

/// <summary>Re-pins a round to <c>versionId</c> if it is still pinned to <c>expectedVersionId</c>.</summary>
public sealed record RoundVersionRequest(int? VersionId, int? ExpectedVersionId);

/// <summary>The version a round is pinned to.</summary>
public sealed record RoundVersionDto(int RoundId, int VersionId, int FiscalYear, int Number)
{
    public static RoundVersionDto From(int roundId, PinnableVersion v) => new(roundId, v.Id, v.FiscalYear, v.Number);
}

/// <summary>Why a round cannot be re-pinned: the instrument, what differs, the fields concerned and a sentence in English and Thai.</summary>
public sealed record LayoutReasonDto(string? Instrument, string Problem, IReadOnlyList<string> Fields, string Message, string MessageTh)
{
    public static LayoutReasonDto From(LayoutReason r) =>
        new(r.Instrument, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Problem.ToString()), r.Fields, r.Message.En ?? r.Message.Th, r.Message.Th);
}
