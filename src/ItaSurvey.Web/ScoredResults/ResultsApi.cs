using System.Security.Claims;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ItaSurvey.Web.ScoredResults;

/// <summary>/api/v1/rounds/{id}/results: the round scored the ITA way from its responses and OIT evidence.</summary>
public static class ResultsApi
{
    public static RouteGroupBuilder MapResultsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rounds/{id:int}/results", GetAsync).WithTags("Results").WithName("GetResults")
            .WithSummary("Total, rating, instruments, indicators and questions down to answer fields, each score at full precision and as shown.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ResultsDto>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, AgencyAccess access,
        RoundResults results, SurveyLibrary surveys, CancellationToken cancellationToken)
    {
        if (await access.VisibleRoundAgencyAsync(user, id, cancellationToken) is null
            || await results.ForRoundAsync(id, cancellationToken) is not { } result)
        {
            return ApiProblems.RoundNotFound(id);
        }
        return TypedResults.Ok(ResultsDto.From(result, result.Definitions.Model));
    }
}
