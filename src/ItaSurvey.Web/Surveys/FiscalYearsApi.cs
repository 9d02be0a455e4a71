using System.Security.Claims;
using ItaSurvey.Core.Loading;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Rounds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ItaSurvey.Web.Surveys;

/// <summary>
/// Fiscal-year versions over the API: every user reads the published versions, system administrators
/// drafts too; only system administrators save and publish drafts. Re-pinning a round is for whoever
/// may edit its agency.
/// </summary>
public static class FiscalYearsApi
{
    public static RouteGroupBuilder MapFiscalYearsApi(this RouteGroupBuilder api)
    {
        var years = api.MapGroup("/fiscal-years").WithTags("Fiscal years");
        years.MapGet("", ListAsync).WithName("ListFiscalYearVersions").WithSummary("Every version of every fiscal year, newest first (drafts for system administrators only).");
        years.MapGet("/{id:int}", GetAsync).WithName("GetFiscalYearVersion")
            .WithSummary("One version with its files (name → JSON text), revision and every problem the loader finds.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        years.MapPut("/{id:int}/files", SaveAsync).WithName("SaveFiscalYearFiles")
            .WithSummary("Saves new text for files of a draft at the revision you read; files left out keep their text. SystemAdmin only.")
            .WithDescription("A published version never changes (409); a draft saved by someone else since your revision is not overwritten (409). "
                + "Files with problems are refused with every problem listed in 'problems' (422); nothing is stored.")
            .AcceptsJson<FiscalYearFilesRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        years.MapPost("/{id:int}/publish", PublishAsync).WithName("PublishFiscalYearVersion")
            .WithSummary("Publishes a draft at the revision you read once every check passes: new rounds of its year open with it. SystemAdmin only.")
            .AcceptsJson<FiscalYearPublishRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/rounds/{id:int}/version", RepinAsync).WithTags("Rounds").WithName("RepinRound")
            .WithSummary("Re-pins a round to another published version of its fiscal year with the same answer layout, and rescores it.")
            .WithDescription("Refused with 409 if the round is no longer pinned to expectedVersionId, and with 422 listing every reason in 'reasons' "
                + "if the answer layouts differ; nothing changes then.")
            .AcceptsJson<RoundVersionRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Ok<List<FiscalYearVersionDto>>> ListAsync(ClaimsPrincipal user, SurveyVersions versions, CancellationToken cancellationToken)
    {
        var all = await versions.ListAsync(cancellationToken);
        return TypedResults.Ok(all.Where(v => AgencyAccess.IsSystemAdmin(user) || v.Status == SurveyVersionStatus.Published)
            .Select(FiscalYearVersionDto.From).ToList());
    }

    private static async Task<Results<Ok<FiscalYearDto>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, SurveyVersions versions,
        CancellationToken cancellationToken) =>
        await VisibleAsync(id, user, versions, cancellationToken) is { } detail ? TypedResults.Ok(FiscalYearDto.From(detail)) : NotFound(id);

    private static async Task<IResult> SaveAsync(int id, JsonBody<FiscalYearFilesRequest> body, ClaimsPrincipal user, SurveyVersions versions,
        CancellationToken cancellationToken)
    {
        if (await WritableAsync(id, user, versions, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (body.Problem is { } problem)
        {
            return problem;
        }
        if (body.Value!.Revision is not { } revision || body.Value.Files is not { Count: > 0 } changed)
        {
            return Required("revision and files (name → JSON text) are required.", "ต้องระบุ revision และ files (ชื่อไฟล์ → ข้อความ JSON)");
        }
        var detail = (await versions.GetAsync(id, cancellationToken))!;
        var files = detail.Files.Files.ToDictionary(f => f.Name, f => f.Text, StringComparer.Ordinal);
        foreach (var (name, text) in changed)
        {
            files[name] = text;
        }
        // Unlike the editor's autosave, a save through the API must leave a draft without problems;
        // whether it may be saved at all (published, stale, file names, sizes) the service says.
        var set = new YearFiles(detail.Version.FiscalYear, files.Select(f => YearFile.Stored(detail.Version.FiscalYear, f.Key, f.Value)).ToList());
        if (detail.IsDraft && SurveyLoader.LoadYear(set) is { IsValid: false } loaded)
        {
            return Refused(VersionFailure.Invalid(loaded.Problems));
        }
        var saved = await versions.SaveAsync(user, id, revision, files, cancellationToken);
        return saved.Succeeded ? TypedResults.Ok(new FiscalYearSavedDto(id, saved.Value)) : Refused(saved.Failure);
    }

    private static async Task<IResult> PublishAsync(int id, JsonBody<FiscalYearPublishRequest> body, ClaimsPrincipal user, SurveyVersions versions,
        CancellationToken cancellationToken)
    {
        if (await WritableAsync(id, user, versions, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (body.Problem is { } problem)
        {
            return problem;
        }
        if (body.Value!.Revision is not { } revision)
        {
            return Required("revision is required.", "ต้องระบุ revision");
        }
        var published = await versions.PublishAsync(user, id, revision, cancellationToken);
        if (!published.Succeeded)
        {
            return Refused(published.Failure);
        }
        var version = (await versions.GetAsync(id, cancellationToken))!.Version;
        return TypedResults.Ok(new FiscalYearPublishedDto(id, version.FiscalYear, version.Number));
    }

    private static async Task<IResult> RepinAsync(int id, JsonBody<RoundVersionRequest> body, ClaimsPrincipal user, RoundVersions rounds,
        CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(user, id, cancellationToken) is not { } pin)
        {
            return ApiProblems.RoundNotFound(id);
        }
        if (!pin.CanEdit)
        {
            return ApiProblems.ReadOnly(pin.AgencyId);
        }
        if (body.Problem is { } problem)
        {
            return problem;
        }
        if (body.Value!.VersionId is not { } to || body.Value.ExpectedVersionId is not { } expected)
        {
            return Required("versionId and expectedVersionId are required.", "ต้องระบุ versionId และ expectedVersionId");
        }
        var outcome = await rounds.RepinAsync(user, id, to, expected, cancellationToken);
        if (outcome.Succeeded)
        {
            return TypedResults.Ok(RoundVersionDto.From(id, outcome.Pinned!));
        }
        var failure = outcome.Failure!;
        return failure.Kind switch
        {
            VersionFailureKind.NotFound => ApiProblems.NotFound(failure.Message),
            VersionFailureKind.Denied => ApiProblems.Forbidden(failure.Message),
            VersionFailureKind.Incompatible => ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, failure.Message,
                new() { ["reasons"] = outcome.Reasons.Select(LayoutReasonDto.From).ToList() }),
            _ => ApiProblems.Conflict(failure.Message, new() { ["currentVersionId"] = pin.Current.Id }),
        };
    }

    // Drafts are for system administrators: anyone else is told there is no such version.
    private static async Task<VersionDetail?> VisibleAsync(int id, ClaimsPrincipal user, SurveyVersions versions, CancellationToken cancellationToken) =>
        await versions.GetAsync(id, cancellationToken) is { } detail && (!detail.IsDraft || AgencyAccess.IsSystemAdmin(user)) ? detail : null;

    private static async Task<IResult?> WritableAsync(int id, ClaimsPrincipal user, SurveyVersions versions, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(id, user, versions, cancellationToken) is null)
        {
            return NotFound(id);
        }
        return AgencyAccess.IsSystemAdmin(user) ? null : ApiProblems.Forbidden(VersionFailure.Denied().Message);
    }

    private static ProblemHttpResult NotFound(int id) =>
        ApiProblems.NotFound(new LocalizedText($"ไม่พบฉบับ {id} ของปีงบประมาณ", $"There is no fiscal-year version {id}."));

    private static ProblemHttpResult Required(string en, string th) => ApiProblems.Problem(StatusCodes.Status400BadRequest, new LocalizedText(th, en));

    /// <summary>A refused change: 403, 404, 409 (published, stale, duplicate) or 422 with every problem.</summary>
    private static ProblemHttpResult Refused(VersionFailure failure) => failure.Kind switch
    {
        VersionFailureKind.NotFound => ApiProblems.NotFound(failure.Message),
        VersionFailureKind.Denied => ApiProblems.Forbidden(failure.Message),
        VersionFailureKind.Invalid => ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, failure.Message,
            new() { ["problems"] = DefinitionProblemDto.List(failure.Problems) }),
        _ => ApiProblems.Conflict(failure.Message),
    };
}
