using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Responding;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Api;

/// <summary>/api/v1/rounds/{id}/export/responses.csv: a round's anonymous responses, one CSV per instrument.</summary>
public static class ExportsApi
{
    public const string SkippedHeader = "X-Skipped-Responses";

    private static readonly string[] Columns = ["instrument", "submittedOn", "respondentGroup"];

    // Excel opens UTF-8 (Thai) correctly only with the byte order mark.
    private static readonly CsvWriterOptions Options = new() { WriteByteOrderMark = true };

    public static RouteGroupBuilder MapExports(this RouteGroupBuilder api)
    {
        api.MapGet("/rounds/{id:int}/export/responses.csv", ExportAsync).WithTags("Exports").WithName("ExportResponses")
            .WithSummary("The round's anonymous responses to one instrument (?instrument=IIT or EIT) as UTF-8 CSV.")
            .WithDescription("Columns: instrument, submittedOn (ISO date), respondentGroup (EIT), then one column per answer field "
                + "with the level chosen (0 = the scale's first level). Responses stored under an earlier answer layout are left out "
                + $"and counted in the {SkippedHeader} header.")
            .RequiredQuery("instrument", "IIT or EIT.")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAsync(int id, string? instrument, ClaimsPrincipal user,
        AgencyAccess access, IDbContextFactory<ItaDbContext> databases, QuestionnaireCache questionnaires, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (await access.VisibleRoundAgencyAsync(user, id, cancellationToken) is null)
        {
            return ApiProblems.RoundNotFound(id);
        }
        var code = instrument?.Trim().ToUpperInvariant();
        if (code is not ("IIT" or "EIT"))
        {
            return ApiProblems.BadRequest(instrument is null
                ? "Name the instrument to export: ?instrument=IIT or ?instrument=EIT."
                : $"instrument is IIT or EIT, not '{instrument}'.");
        }
        await using var lookup = await databases.CreateDbContextAsync(cancellationToken);
        var year = await lookup.Rounds.Where(r => r.Id == id).Select(r => r.FiscalYear).SingleAsync(cancellationToken);
        var layout = questionnaires.For(year, code);
        var skipped = await lookup.Responses.LongCountAsync(r => r.RoundId == id && r.Instrument == code && r.FormVersion != layout.Fingerprint, cancellationToken);
        response.Headers[SkippedHeader] = skipped.ToString(CultureInfo.InvariantCulture);

        return TypedResults.Stream(async body =>
        {
            // Rows go out as they are read: the export never holds the round's responses in memory.
            await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
            await csv.WriteRecordAsync([.. Columns, .. layout.FieldCodes], cancellationToken);
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var rows = db.Responses.AsNoTracking()
                .Where(r => r.RoundId == id && r.Instrument == code && r.FormVersion == layout.Fingerprint)
                .OrderBy(r => r.Id)
                .Select(r => new { r.SubmittedOn, r.RespondentGroup, r.Answers })
                .AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                csv.WriteField(code);
                csv.WriteField(row.SubmittedOn, "yyyy-MM-dd");
                csv.WriteField(row.RespondentGroup);
                foreach (var level in row.Answers)
                {
                    csv.WriteField(level, "");
                }
                await csv.EndRecordAsync(cancellationToken);
            }
            await csv.FlushAsync(cancellationToken);
        }, "text/csv; charset=utf-8", $"round-{id}-{code.ToLowerInvariant()}-responses.csv");
    }
}
