using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ItaSurvey.Web.Exports;

/// <summary>
/// /admin/rounds/{id}/export/...: a round's responses and results as CSV or XLSX for a signed-in
/// administrator or viewer of its agency. Refusals are answered in Thai.
/// </summary>
public static class ExportsEndpoints
{
    public static IEndpointRouteBuilder MapExportDownloads(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/admin/rounds/{id:int}/export").RequireAuthorization();
        export.MapGet("/responses.csv", (int id, string? instrument, ClaimsPrincipal user, RoundExports exports, HttpContext http) =>
            AnswerAsync(exports.ResponsesAsync(user, id, ExportFormat.Csv, instrument, http.RequestAborted), http));
        export.MapGet("/responses.xlsx", (int id, ClaimsPrincipal user, RoundExports exports, HttpContext http) =>
            AnswerAsync(exports.ResponsesAsync(user, id, ExportFormat.Xlsx, null, http.RequestAborted), http));
        export.MapGet("/results.csv", (int id, ClaimsPrincipal user, RoundExports exports, HttpContext http) =>
            AnswerAsync(exports.ResultsAsync(user, id, ExportFormat.Csv, http.RequestAborted), http));
        export.MapGet("/results.xlsx", (int id, ClaimsPrincipal user, RoundExports exports, HttpContext http) =>
            AnswerAsync(exports.ResultsAsync(user, id, ExportFormat.Xlsx, http.RequestAborted), http));
        return app;
    }

    private static async Task<IResult> AnswerAsync(Task<ExportOutcome> outcome, HttpContext http)
    {
        var answer = await outcome;
        http.Response.Headers.CacheControl = "no-store";
        return answer switch
        {
            { File: { } file } => file.ToResult(http),
            // The app's own not-found page, the same for a missing round and one out of scope.
            { Refusal: ExportRefusal.NotFound } => TypedResults.NotFound(),
            { Refusal: ExportRefusal.Withheld } => TypedResults.Text(answer.Message!.Th, "text/plain; charset=utf-8", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Text(answer.Message!.Th, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest),
        };
    }

    /// <summary>Streams the file as it is written, never kept whole in memory, and never cached.</summary>
    public static PushStreamHttpResult ToResult(this ExportFile file, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers[RoundExports.SkippedHeader] = file.Skipped.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Stream(body => file.WriteToAsync(body, http.RequestAborted), file.ContentType, file.Name);
    }
}
