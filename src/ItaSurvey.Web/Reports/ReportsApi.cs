using System.Security.Claims;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Forms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ItaSurvey.Web.Reports;

/// <summary>/api/v1/rounds/{id}/report: the improvement report, through the report page's own service.</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var report = api.MapGroup("/rounds/{id:int}/report").WithTags("Improvement report");
        report.MapGet("", GetAsync).WithName("GetImprovementReport")
            .WithSummary("The round's improvement report with its version; 404 until it is drafted.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        report.MapPost("", CreateAsync).WithName("DraftImprovementReport")
            .WithSummary("Drafts the report from the round's scores: a row for each weakness, the agency's columns left empty.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        report.MapPut("/items/{itemId:int}", UpdateItemAsync).WithName("UpdateImprovementItem")
            .WithSummary("Fills in a row: action, unit, status and evidence link, from the report version given.")
            .WithDescription("A change made from an older version than the stored one (someone saved in between) answers 409 with currentVersion, "
                + "updatedBy and updatedAt: read the report again and send the change with the current version. The answer is the whole report with its new version.")
            .AcceptsJson<ImprovementItemRequest>()
            .ProblemExample(StatusCodes.Status409Conflict,
                "Not saved: kongklang@khlongwan.go.th saved this report at 2023-05-02 03:15 UTC, after the version your change started from. "
                + "Read the report again (its version is now 0b8e6d2c-1f4a-4e7b-9c3d-5a6f7e8d9c0b) and send the change with that version.",
                "ยังไม่ได้บันทึก: kongklang@khlongwan.go.th บันทึกรายงานนี้เมื่อ 2 พ.ค. 2566 10:15 น. หลังจากฉบับที่การแก้ไขนี้เริ่มจาก "
                + "อ่านรายงานอีกครั้ง (ฉบับปัจจุบันคือ 0b8e6d2c-1f4a-4e7b-9c3d-5a6f7e8d9c0b) แล้วส่งการแก้ไขใหม่พร้อม version นี้",
                new()
                {
                    ["currentVersion"] = "0b8e6d2c-1f4a-4e7b-9c3d-5a6f7e8d9c0b", ["updatedBy"] = "kongklang@khlongwan.go.th", ["updatedAt"] = "2023-05-02T03:15:00Z",
                })
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    private static async Task<Results<Ok<ImprovementReportDto>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, ImprovementReportViews reports,
        CancellationToken cancellationToken) =>
        await reports.LoadAsync(user, id, cancellationToken) switch
        {
            null => ApiProblems.RoundNotFound(id),
            { Report: null } => NoReport(id),
            { Report: { } report } => TypedResults.Ok(ImprovementReportDto.From(report)),
        };

    private static async Task<Results<Created<ImprovementReportDto>, ProblemHttpResult>> CreateAsync(int id, ClaimsPrincipal user, AgencyAccess access,
        ImprovementReports reports, CancellationToken cancellationToken)
    {
        if (await Unwritable(id, user, access, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var outcome = await reports.CreateAsync(user, id, cancellationToken);
        if (outcome.Failure is { } failure)
        {
            var message = ReportFailureText.ApiMessage(failure);
            return failure is ReportFailure.Denied ? ApiProblems.Forbidden(message) : ApiProblems.Conflict(message);
        }
        return TypedResults.Created($"/api/v1/rounds/{id}/report", ImprovementReportDto.From(outcome.Value!));
    }

    private static async Task<Results<Ok<ImprovementReportDto>, ProblemHttpResult, ValidationProblem>> UpdateItemAsync(int id, int itemId,
        JsonBody<ImprovementItemRequest> body, ClaimsPrincipal user, AgencyAccess access, ImprovementReports reports, CancellationToken cancellationToken)
    {
        if (await Unwritable(id, user, access, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (body.Problem is { } problem)
        {
            return problem;
        }
        var (version, change, errors) = body.Value!.Read();
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var outcome = await reports.UpdateItemAsync(user, id, itemId, version, change, cancellationToken);
        if (outcome.Succeeded)
        {
            return TypedResults.Ok(ImprovementReportDto.From(outcome.Value!));
        }
        var message = ReportFailureText.ApiMessage(outcome.Failure);
        return outcome.Failure switch
        {
            // An integrator needs the version to resend with, and who saved in between.
            ReportFailure.Stale stale => ApiProblems.Conflict(message, new()
            {
                ["currentVersion"] = stale.Version, ["updatedBy"] = stale.UpdatedBy, ["updatedAt"] = DateTime.SpecifyKind(stale.UpdatedAt, DateTimeKind.Utc),
            }),
            ReportFailure.AlreadyDrafted or ReportFailure.NoQuestionnaire => ApiProblems.Conflict(message),
            ReportFailure.NoReport or ReportFailure.NoRow => ApiProblems.NotFound(message),
            ReportFailure.Denied => ApiProblems.Forbidden(message),
            _ => Invalid(ReportFailureText.Errors(outcome.Failure)),
        };
    }

    /// <summary>404 for a round out of scope, 403 for a reader; null when the user may change the report.</summary>
    private static async Task<ProblemHttpResult?> Unwritable(int id, ClaimsPrincipal user, AgencyAccess access, CancellationToken cancellationToken)
    {
        if (await access.VisibleRoundAgencyAsync(user, id, cancellationToken) is not { } agencyId)
        {
            return ApiProblems.RoundNotFound(id);
        }
        return await access.CanEditAsync(user, agencyId, cancellationToken) ? null : ApiProblems.ReadOnly(agencyId);
    }

    private static ProblemHttpResult NoReport(int id) => ApiProblems.NotFound(new LocalizedText(
        $"รอบ {id} ยังไม่มีรายงานมาตรการส่งเสริมคุณธรรมและความโปร่งใส สร้างร่างด้วย POST /api/v1/rounds/{id}/report",
        $"Round {id} has no improvement report yet: draft it with POST /api/v1/rounds/{id}/report."));

    /// <summary>400 with the refused change's messages under the API's names of the fields.</summary>
    private static ValidationProblem Invalid(FormErrors errors) => ApiProblems.Invalid(errors.Fields.ToDictionary(FieldName, f => errors.Message(f)!));

    /// <summary>The report row's field names as the API calls them.</summary>
    private static string FieldName(string field) => field switch
    {
        nameof(ImprovementItemForm.PlannedAction) => "action",
        nameof(ImprovementItemForm.Owner) => "unit",
        nameof(ImprovementItemForm.EvidenceUrl) => "evidenceUrl",
        nameof(ImprovementItemForm.Status) => "status",
        "" => "report",
        _ => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field),
    };
}
