using System.Security.Claims;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Agencies;

/// <summary>/api/v1/agencies: the agencies the caller may see; system administrators create them.</summary>
public static class AgenciesApi
{
    public static RouteGroupBuilder MapAgenciesApi(this RouteGroupBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("Agencies");
        agencies.MapGet("", ListAsync).WithName("ListAgencies")
            .WithSummary("The agencies you may see: all for system administrators, your assigned ones otherwise.");
        agencies.MapGet("/{id:int}", GetAsync).WithName("GetAgency").WithSummary("One agency.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        agencies.MapPost("", CreateAsync).WithName("CreateAgency").WithSummary("Creates an agency (system administrators only).")
            .AcceptsJson<AgencyRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        agencies.MapPut("/{id:int}", UpdateAsync).WithName("UpdateAgency").WithSummary("Replaces an agency's details (system or agency administrators).")
            .AcceptsJson<AgencyRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    private static async Task<Ok<List<AgencyDto>>> ListAsync(ClaimsPrincipal user, AgencyAccess access,
        IDbContextFactory<ItaDbContext> databases, CancellationToken cancellationToken)
    {
        var visible = (await access.VisibleAgenciesAsync(user, cancellationToken))?.ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => visible == null || visible.Contains(a.Id))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(agencies.Select(AgencyDto.From).ToList());
    }

    private static async Task<Results<Ok<AgencyDto>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, AgencyAccess access,
        IDbContextFactory<ItaDbContext> databases, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var agency = await access.CanSeeAsync(user, id, cancellationToken) ? await db.Agencies.FindAsync([id], cancellationToken) : null;
        return agency is null ? ApiProblems.AgencyNotFound(id) : TypedResults.Ok(AgencyDto.From(agency));
    }

    private static async Task<Results<Created<AgencyDto>, ProblemHttpResult, ValidationProblem>> CreateAsync(JsonBody<AgencyRequest> body,
        ClaimsPrincipal user, RoundAdmin admin, AuditLog audit, SurveyLibrary surveys, CancellationToken cancellationToken)
    {
        if (!AgencyAccess.IsSystemAdmin(user))
        {
            return ApiProblems.Forbidden("Only system administrators create agencies.");
        }
        if (body.Problem is { } problem)
        {
            return problem;
        }
        if (body.Value!.Validate(surveys.Current) is { Count: > 0 } errors)
        {
            return ApiProblems.Invalid(errors);
        }
        if (await admin.FindAgencyAsync(body.Value.NameTh!, body.Value.Province!, cancellationToken) is { } existing)
        {
            return ApiProblems.Conflict($"Agency {existing.Id} '{existing.NameTh}' in {existing.Province} already exists (same Thai name and province): " +
                $"open a round for it with POST /api/v1/agencies/{existing.Id}/rounds, or change it with PUT /api/v1/agencies/{existing.Id}.");
        }
        var agency = await admin.CreateAgencyAsync(body.Value.ApplyTo(new Agency { NameTh = "", Province = "", AgencyGroup = "" }), cancellationToken);
        // Once the agency exists its audit entry is written even if the caller has gone.
        await audit.RecordAsync(user, "agency.create", agency.Id, Describe(agency), CancellationToken.None);
        return TypedResults.Created($"/api/v1/agencies/{agency.Id}", AgencyDto.From(agency));
    }

    private static async Task<Results<Ok<AgencyDto>, ProblemHttpResult, ValidationProblem>> UpdateAsync(int id, JsonBody<AgencyRequest> body,
        ClaimsPrincipal user, AgencyAccess access, AuditLog audit, SurveyLibrary surveys, IDbContextFactory<ItaDbContext> databases,
        CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var agency = await access.CanSeeAsync(user, id, cancellationToken) ? await db.Agencies.FindAsync([id], cancellationToken) : null;
        if (agency is null)
        {
            return ApiProblems.AgencyNotFound(id);
        }
        if (!await access.CanEditAsync(user, id, cancellationToken))
        {
            return ApiProblems.ReadOnly(id);
        }
        if (body.Problem is { } problem)
        {
            return problem;
        }
        if (body.Value!.Validate(surveys.Current) is { Count: > 0 } errors)
        {
            return ApiProblems.Invalid(errors);
        }
        var before = Describe(agency);
        body.Value.ApplyTo(agency);
        db.AuditEntries.Add(audit.Entry(user, "agency.update", id, $"{before} → {Describe(agency)}"));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AgencyDto.From(agency));
    }

    private static string Describe(Agency a) =>
        $"{a.NameTh} ({a.NameEn}), {a.Province}, group={a.AgencyGroup}, webDomains={a.WebDomains ?? "-"}, headcount={a.StaffHeadcount}";
}
