using ItaSurvey.Core.Model;
using ItaSurvey.Web.Forms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ItaSurvey.Web.Api;

/// <summary>
/// The API's error answers: RFC 9457 problem details whose "detail" says in English what to fix and
/// whose "detailTh" says it in Thai; a validation problem lists every field in "errors" (English)
/// and "errorsTh" (Thai).
/// </summary>
public static class ApiProblems
{
    public const string ThaiDetail = "detailTh";

    public const string ThaiErrors = "errorsTh";

    public static ProblemHttpResult Problem(int status, LocalizedText detail, Dictionary<string, object?>? extensions = null)
    {
        extensions ??= [];
        extensions[ThaiDetail] = detail.Th;
        return TypedResults.Problem(detail.En ?? detail.Th, statusCode: status, extensions: extensions);
    }

    public static ProblemHttpResult NotFound(LocalizedText detail) => Problem(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>The same answer whether the agency does not exist or lies outside the caller's scope.</summary>
    public static ProblemHttpResult AgencyNotFound(int id) =>
        NotFound(new LocalizedText($"ไม่พบหน่วยงาน {id} ที่ท่านเข้าถึงได้", $"There is no agency {id} that you may see."));

    /// <summary>The same answer whether the round does not exist or lies outside the caller's scope.</summary>
    public static ProblemHttpResult RoundNotFound(int id) =>
        NotFound(new LocalizedText($"ไม่พบรอบการประเมิน {id} ที่ท่านเข้าถึงได้", $"There is no round {id} that you may see."));

    public static ProblemHttpResult Forbidden(LocalizedText detail) => Problem(StatusCodes.Status403Forbidden, detail);

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult ReadOnly(int agencyId) => Forbidden(new LocalizedText(
        $"ท่านอ่านข้อมูลของหน่วยงาน {agencyId} ได้แต่แก้ไขไม่ได้ การแก้ไขต้องมีบทบาท SystemAdmin หรือ AgencyAdmin",
        $"You may read agency {agencyId} but not change it: changes need the SystemAdmin or AgencyAdmin role."));

    public static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult Conflict(LocalizedText detail, Dictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status409Conflict, detail, extensions);

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict);

    /// <summary>A 400 listing every invalid field, also summed up in one sentence in "detail".</summary>
    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(e => e)), title: Title(errors.Count));

    /// <summary>A 400 listing every invalid field in English ("errors") and Thai ("errorsTh"), each summed up in one sentence.</summary>
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, LocalizedText> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value.En ?? e.Value.Th }),
            detail: string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value.En ?? e.Value.Th}")),
            title: Title(errors.Count),
            extensions: new Dictionary<string, object?>
            {
                [ThaiDetail] = string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value.Th}")),
                [ThaiErrors] = errors.ToDictionary(e => e.Key, e => new[] { e.Value.Th }),
            });

    /// <summary>
    /// The answer to a refused change of an admin service: its messages by field (renamed for the
    /// API by <paramref name="fieldName"/>), with the status its refusal calls for.
    /// </summary>
    public static IResult Refused(FormErrors errors, Refusal? refusal, Func<string, string> fieldName)
    {
        var messages = errors.Fields.ToDictionary(fieldName, f => errors.Message(f)!);
        return refusal switch
        {
            Refusal.Denied => Forbidden(messages.Values.First()),
            Refusal.NotFound => NotFound(messages.Values.First()),
            Refusal.Conflict => Conflict(messages.Values.First()),
            _ => Invalid(messages),
        };
    }

    private static string Title(int count) => count == 1 ? "One field is invalid." : $"{count} fields are invalid.";

    /// <summary>
    /// Turns what would otherwise reach the HTML error page into problem details: a request the
    /// framework refused (400/413) or an unexpected failure (500, logged).
    /// </summary>
    public static async ValueTask<object?> CatchUnexpected(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        try
        {
            return await next(context);
        }
        catch (BadHttpRequestException e)
        {
            return Problem(e.StatusCode, new($"เซิร์ฟเวอร์รับคำขอนี้ไม่ได้ (HTTP {e.StatusCode}): {e.Message}", e.Message));
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.HttpContext.Response.HasStarted)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ItaSurvey.Api")
                .LogError(e, "API request {Method} {Path} failed", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            return Problem(StatusCodes.Status500InternalServerError, new LocalizedText(
                "เซิร์ฟเวอร์ทำคำขอนี้ไม่สำเร็จ และได้บันทึกข้อผิดพลาดไว้แล้ว", "The server could not complete the request; the error has been logged."));
        }
    }
}
