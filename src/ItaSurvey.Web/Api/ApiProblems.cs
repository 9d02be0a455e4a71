using Microsoft.AspNetCore.Http.HttpResults;

namespace ItaSurvey.Web.Api;

/// <summary>The API's error answers: RFC 9457 problem details with a sentence that says what to fix.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>The same answer whether the agency does not exist or lies outside the caller's scope.</summary>
    public static ProblemHttpResult AgencyNotFound(int id) => NotFound($"There is no agency {id} that you may see.");

    /// <summary>The same answer whether the round does not exist or lies outside the caller's scope.</summary>
    public static ProblemHttpResult RoundNotFound(int id) => NotFound($"There is no round {id} that you may see.");

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult ReadOnly(int agencyId) =>
        Forbidden($"You may read agency {agencyId} but not change it: changes need the SystemAdmin or AgencyAdmin role.");

    public static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict);

    /// <summary>A 400 listing every invalid field, also summed up in one sentence in "detail".</summary>
    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(e => e)),
            title: errors.Count == 1 ? "One field is invalid." : $"{errors.Count} fields are invalid.");

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
            return TypedResults.Problem(e.Message, statusCode: e.StatusCode);
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.HttpContext.Response.HasStarted)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ItaSurvey.Api")
                .LogError(e, "API request {Method} {Path} failed", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            return TypedResults.Problem("The server could not complete the request; the error has been logged.",
                statusCode: StatusCodes.Status500InternalServerError);
        }
    }
}
