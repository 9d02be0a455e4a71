using System.Security.Claims;
using ItaSurvey.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ItaSurvey.Web.Dashboards;

/// <summary>/api/v1/rounds/{id}/quality: the response-quality figures of the dashboard panel.</summary>
public static class QualityApi
{
    public static RouteGroupBuilder MapQualityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rounds/{id:int}/quality", GetAsync).WithTags("Results").WithName("GetQuality")
            .WithSummary("Response-quality signals per instrument, bursts by day and the score without flagged responses (a sensitivity check, not a result).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<QualityDto>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, RoundQualities qualities, CancellationToken cancellationToken) =>
        await qualities.ForUserAsync(user, id, cancellationToken) is { } quality
            ? TypedResults.Ok(QualityDto.From(quality))
            : ApiProblems.RoundNotFound(id);
}
