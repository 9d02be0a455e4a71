using System.Security.Claims;
using ItaSurvey.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ItaSurvey.Web.Exports;

/// <summary>/api/v1/rounds/{id}/export/...: a round's anonymous responses and its results as CSV or XLSX (the same exports as the admin pages).</summary>
public static class ExportsApi
{
    public const string SkippedHeader = RoundExports.SkippedHeader;

    private const string Privacy = "An instrument with fewer responses than the privacy rule's k (Dashboards:MinimumResponses, 5 by default) is not exported: "
        + "its CSV answers 409 with the reason, and in the workbook its sheet holds the reason instead of rows.";

    private const string Skipped = $"Responses stored under an earlier answer layout are left out and counted in the {SkippedHeader} header.";

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapExportsApi(this RouteGroupBuilder api)
    {
        var export = api.MapGroup("/rounds/{id:int}/export").WithTags("Exports");
        export.MapGet("/responses.csv", (int id, string? instrument, ClaimsPrincipal user, RoundExports exports, HttpContext http) =>
                AnswerAsync(exports.ResponsesAsync(user, id, ExportFormat.Csv, instrument, http.RequestAborted), http))
            .WithName("ExportResponses")
            .WithSummary("The round's anonymous responses to one instrument (?instrument=IIT or EIT) as UTF-8 CSV with a byte order mark.")
            .WithDescription("EIT columns: instrument, submittedOn (ISO date), respondentGroup, then one column per answer field with the level "
                + "chosen (0 = the scale's first level, empty = not answered), in order of arrival. IIT columns: instrument and the answer fields "
                + "only, and the rows are sorted by their answers: IIT staff answer about their own superiors, so neither a date nor the order "
                + $"of arrival is given. {Privacy} {Skipped}")
            .RequiredQuery("instrument", "IIT or EIT.")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        export.MapGet("/responses.xlsx", (int id, ClaimsPrincipal user, RoundExports exports, HttpContext http) =>
                AnswerAsync(exports.ResponsesAsync(user, id, ExportFormat.Xlsx, null, http.RequestAborted), http))
            .WithName("ExportResponsesWorkbook")
            .WithSummary("The round's anonymous responses as an XLSX workbook: a sheet for IIT, one for EIT and a codebook.")
            .WithDescription("The IIT and EIT sheets have the columns of responses.csv. The codebook sheet names each answer field's question "
                + $"and each level's label in Thai, and the quality column's signal codes. {Privacy} 409 when both instruments are withheld. {Skipped}")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), Xlsx)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        export.MapGet("/results.csv", (int id, ClaimsPrincipal user, RoundExports exports, HttpContext http) =>
                AnswerAsync(exports.ResultsAsync(user, id, ExportFormat.Csv, http.RequestAborted), http))
            .WithName("ExportResults")
            .WithSummary("The round's results as UTF-8 CSV, a row per figure: total, instruments, indicators, sub-indicators, questions.")
            .WithDescription("Columns: level, code, nameTh, score (two decimals, half away from zero, as ITA shows it; empty when there is none), "
                + "rating (the rating level on the total, the status on an indicator), responses, withheld (true when too few responses to the "
                + "instrument keep it anonymous; its score is then empty) and note (why it is withheld).")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        export.MapGet("/results.xlsx", (int id, ClaimsPrincipal user, RoundExports exports, HttpContext http) =>
                AnswerAsync(exports.ResultsAsync(user, id, ExportFormat.Xlsx, http.RequestAborted), http))
            .WithName("ExportResultsWorkbook")
            .WithSummary("The round's results as an XLSX workbook: a sheet per level with the columns of results.csv.")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), Xlsx)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> AnswerAsync(Task<ExportOutcome> outcome, HttpContext http)
    {
        var answer = await outcome;
        return answer switch
        {
            { File: { } file } => file.ToResult(http),
            { Refusal: ExportRefusal.NotFound } => ApiProblems.NotFound(answer.Message!),
            { Refusal: ExportRefusal.Withheld } => ApiProblems.Conflict(answer.Message!),
            _ => ApiProblems.Problem(StatusCodes.Status400BadRequest, answer.Message!),
        };
    }
}
