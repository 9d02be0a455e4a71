using System.Security.Claims;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Forms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ItaSurvey.Web.Oit;

/// <summary>/api/v1/rounds/{id}/oit: a round's OIT evidence, read and recorded through the checklist page's own service.</summary>
public static class OitApi
{
    public const int MaxBatch = 200;

    public static RouteGroupBuilder MapOitApi(this RouteGroupBuilder api)
    {
        var oit = api.MapGroup("/rounds/{id:int}/oit").WithTags("OIT evidence");
        oit.MapGet("", GetAsync).WithName("GetOitChecklist")
            .WithSummary("Every OIT item of the round's year with its answer (มี/ไม่มี), evidence URLs and their link check, and explanation.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        oit.MapPut("/{code}", PutAsync).WithName("PutOitItem")
            .WithSummary("Records one item (O1, O2...): its answer, evidence URLs and explanation, replacing what was stored.")
            .WithDescription("URLs that stay keep their link check; new ones are checked by the background link check. "
                + "Invalid fields answer 400 listing each (present, urls, urls[i], explanation) in English and Thai.")
            .AcceptsJson<OitItemRequest>().Produces<OitItemDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        oit.MapPatch("", PatchAsync).WithName("PatchOitItems")
            .WithSummary($"Records many items at once (up to {MaxBatch}); items not listed stay as they are. All or nothing.")
            .WithDescription("If any item is wrong nothing is stored, and the 400 lists every problem by item and field "
                + "(O4.urls[0], O11.explanation, items[2].code...). On success the answer is the whole checklist as now stored.")
            .AcceptsJson<OitBatchRequest>().Produces<OitChecklistDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    private static async Task<Results<Ok<OitChecklistDto>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, OitChecklist checklist,
        CancellationToken cancellationToken) =>
        await checklist.LoadAsync(user, id, cancellationToken) is { } view ? TypedResults.Ok(OitChecklistDto.From(view)) : ApiProblems.RoundNotFound(id);

    private static async Task<IResult> PutAsync(int id, string code, JsonBody<OitItemRequest> body, ClaimsPrincipal user, OitChecklist checklist,
        CancellationToken cancellationToken)
    {
        var view = await checklist.LoadAsync(user, id, cancellationToken);
        if (Unwritable(id, view) is { } refusal)
        {
            return refusal;
        }
        if (body.Problem is { } problem)
        {
            return problem;
        }
        var item = body.Value!.ToForm(code);
        if (!view!.Items.ContainsKey(item.Code))
        {
            return ApiProblems.NotFound(new LocalizedText($"แบบตรวจ OIT ของปีงบประมาณ พ.ศ. {view.Round.FiscalYear} ไม่มีข้อ {item.Code}",
                $"The OIT checklist of fiscal year {view.Round.FiscalYear} has no item '{item.Code}'."));
        }
        var outcome = await checklist.SaveAsync(user, id, [item], cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal == Refusal.Invalid
                ? ApiProblems.Invalid(item.Errors.Fields.ToDictionary(FieldName, f => item.Errors.Message(f)!))
                : ApiProblems.Refused(outcome.Errors, outcome.Refusal, FieldName);
        }
        var saved = (await checklist.LoadAsync(user, id, cancellationToken))!;
        var place = OitChecklistDto.Sections(saved).Single(s => s.Item == item.Code);
        return TypedResults.Ok(OitItemDto.From(saved.Items[item.Code], place.Indicator, place.SubIndicator));
    }

    private static async Task<IResult> PatchAsync(int id, JsonBody<OitBatchRequest> body, ClaimsPrincipal user, OitChecklist checklist,
        CancellationToken cancellationToken)
    {
        if (Unwritable(id, await checklist.LoadAsync(user, id, cancellationToken)) is { } refusal)
        {
            return refusal;
        }
        if (body.Problem is { } problem)
        {
            return problem;
        }
        var errors = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        var requested = body.Value!.Items ?? [];
        if (requested.Count is 0 or > MaxBatch)
        {
            errors["items"] = new($"ส่งรายการข้อ (items) 1 ถึง {MaxBatch} ข้อ", $"items lists 1 to {MaxBatch} OIT items, not {requested.Count}.");
        }
        var items = new List<OitItemForm>();
        for (var i = 0; i < requested.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(requested[i]?.Code))
            {
                errors[$"items[{i}].code"] = new("ระบุรหัสข้อ เช่น O1", "code is required: the item's code, such as O1.");
            }
            else if (items.Any(f => f.Code == requested[i].Code!.Trim()))
            {
                errors[$"items[{i}].code"] = new($"ข้อ {requested[i].Code} ซ้ำ ส่งแต่ละข้อครั้งเดียว", $"{requested[i].Code} is listed twice: send each item once.");
            }
            else
            {
                items.Add(requested[i].ToForm());
            }
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var outcome = await checklist.SaveAsync(user, id, items, cancellationToken);
        if (!outcome.Succeeded)
        {
            if (outcome.Refusal != Refusal.Invalid)
            {
                return ApiProblems.Refused(outcome.Errors, outcome.Refusal, FieldName);
            }
            // Every problem of every item, not only the first of each.
            return ApiProblems.Invalid(items.SelectMany(item => item.Errors.Fields.Select(f =>
                    (Key: f.Length == 0 ? item.Code : $"{item.Code}.{FieldName(f)}", Message: item.Errors.Message(f)!)))
                .ToDictionary(e => e.Key, e => e.Message, StringComparer.Ordinal));
        }
        return TypedResults.Ok(OitChecklistDto.From((await checklist.LoadAsync(user, id, cancellationToken))!));
    }

    /// <summary>404 for a round out of scope, 403 for a reader; null when the user may record evidence.</summary>
    private static ProblemHttpResult? Unwritable(int id, OitChecklistView? view) =>
        view switch
        {
            null => ApiProblems.RoundNotFound(id),
            { CanEdit: false } => ApiProblems.ReadOnly(view.Round.AgencyId),
            _ => null,
        };

    /// <summary>The checklist form's field keys (Url{i}, Urls, Explanation) as the API's JSON names.</summary>
    private static string FieldName(string field) => field switch
    {
        "" => "code",
        "Urls" => "urls",
        "Explanation" => "explanation",
        _ when field.StartsWith("Url", StringComparison.Ordinal) => $"urls[{field[3..]}]",
        _ => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field),
    };
}
