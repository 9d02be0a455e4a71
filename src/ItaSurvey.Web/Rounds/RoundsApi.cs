using System.Security.Claims;
using System.Text.Json;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Forms;
using ItaSurvey.Web.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Rounds;

/// <summary>Rounds of an agency, their public links, response counts and single-use codes.</summary>
public static class RoundsApi
{
    public const int MaxCodesPerRequest = 1000;

    public static RouteGroupBuilder MapRoundsApi(this RouteGroupBuilder api)
    {
        var ofAgency = api.MapGroup("/agencies/{id:int}/rounds").WithTags("Rounds");
        ofAgency.MapGet("", ListAsync).WithName("ListRounds").WithSummary("The agency's rounds with their public links.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        ofAgency.MapPost("", CreateAsync).WithName("CreateRound").WithSummary("Opens a round for a fiscal year, with one public link for IIT and one for EIT.")
            .AcceptsJson<RoundRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        var rounds = api.MapGroup("/rounds/{id:int}").WithTags("Rounds");
        rounds.MapGet("", GetAsync).WithName("GetRound").WithSummary("One round with its public links (relative paths and absolute URLs).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        rounds.MapPatch("", ChangeAsync).WithName("ChangeRound")
            .WithSummary("Changes a round's dates or IIT mode: close it early, extend it. Fields left out keep their value.")
            .WithDescription("The same rules as the round page: both dates, and closesOn not before opensOn. The public forms follow the new dates "
                + "within 30 seconds; response counts and results follow at once (while a round is open, IIT figures move in blocks of k).")
            .AcceptsJson<RoundChangeRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        rounds.MapGet("/responses/count", CountAsync).WithName("CountResponses")
            .WithSummary("IIT and EIT responses received so far, and the minimum samples of the year's rules.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        rounds.MapPost("/access-codes", CodesAsync).WithName("CreateAccessCodes")
            .WithSummary($"New single-use IIT codes (1 to {MaxCodesPerRequest}) for a round in singleUseCodes mode. Shown once: keep them.")
            .AcceptsJson<AccessCodesRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    private static async Task<Results<Ok<List<RoundDto>>, ProblemHttpResult>> ListAsync(int id, ClaimsPrincipal user, AgencyAccess access,
        IDbContextFactory<ItaDbContext> databases, HttpRequest request, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (!await access.CanSeeAsync(user, id, cancellationToken) || !await db.Agencies.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return ApiProblems.AgencyNotFound(id);
        }
        var rounds = await db.Rounds.AsNoTracking().Include(r => r.Links).Where(r => r.AgencyId == id)
            .OrderBy(r => r.FiscalYear).ToListAsync(cancellationToken);
        return TypedResults.Ok(rounds.Select(r => RoundDto.From(r, request)).ToList());
    }

    private static async Task<Results<Created<RoundDto>, ProblemHttpResult, ValidationProblem>> CreateAsync(int id, JsonBody<RoundRequest> body,
        ClaimsPrincipal user, AgencyAccess access, RoundAdmin admin, AuditLog audit, SurveyLibrary surveys,
        IDbContextFactory<ItaDbContext> databases, HttpRequest request, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (!await access.CanSeeAsync(user, id, cancellationToken) || !await db.Agencies.AnyAsync(a => a.Id == id, cancellationToken))
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
        var (year, opens, closes, mode, errors) = body.Value!.Validate(surveys.Current);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        if (await db.Rounds.AnyAsync(r => r.AgencyId == id && r.FiscalYear == year, cancellationToken))
        {
            return ApiProblems.Conflict(new LocalizedText($"หน่วยงาน {id} มีรอบการประเมินปีงบประมาณ {year} แล้ว", $"Agency {id} already has a round for fiscal year {year}."));
        }
        var round = await admin.CreateRoundAsync(id, year, opens, closes, mode, cancellationToken);
        await audit.RecordAsync(user, "round.create", id, $"round {round.Id}: fiscal year {year}, {opens:yyyy-MM-dd}..{closes:yyyy-MM-dd}, IIT {mode}",
            CancellationToken.None);
        return TypedResults.Created($"/api/v1/rounds/{round.Id}", RoundDto.From(round, request));
    }

    private static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, AgencyAccess access,
        IDbContextFactory<ItaDbContext> databases, HttpRequest request, CancellationToken cancellationToken)
    {
        if (await access.VisibleRoundAgencyAsync(user, id, cancellationToken) is null)
        {
            return ApiProblems.RoundNotFound(id);
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Links).SingleAsync(r => r.Id == id, cancellationToken);
        return TypedResults.Ok(RoundDto.From(round, request));
    }

    private static async Task<Results<Ok<RoundDto>, ProblemHttpResult, ValidationProblem>> ChangeAsync(int id, JsonBody<RoundChangeRequest> body,
        ClaimsPrincipal user, RoundOverview overview, HttpRequest request, CancellationToken cancellationToken)
    {
        if (await overview.FindAsync(user, id, cancellationToken) is not { } details)
        {
            return ApiProblems.RoundNotFound(id);
        }
        if (!details.CanEdit)
        {
            return ApiProblems.ReadOnly(details.Round.AgencyId);
        }
        if (body.Problem is { } problem)
        {
            return problem;
        }
        var (form, errors) = body.Value!.ApplyTo(details.Round);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var outcome = await overview.UpdateAsync(user, id, form, cancellationToken);
        if (!outcome.Succeeded)
        {
            var messages = outcome.Errors.Fields.ToDictionary(JsonNamingPolicy.CamelCase.ConvertName, f => outcome.Errors.Message(f)!);
            return outcome.Refusal == Refusal.Denied ? ApiProblems.ReadOnly(details.Round.AgencyId) : ApiProblems.Invalid(messages);
        }
        var round = (await overview.FindAsync(user, id, cancellationToken))!.Round;
        return TypedResults.Ok(RoundDto.From(round, request));
    }

    private static async Task<Results<Ok<ResponseCountDto>, ProblemHttpResult>> CountAsync(int id, ClaimsPrincipal user, AgencyAccess access,
        IDbContextFactory<ItaDbContext> databases, SurveyLibrary surveys, CancellationToken cancellationToken)
    {
        if (await access.VisibleRoundAgencyAsync(user, id, cancellationToken) is null)
        {
            return ApiProblems.RoundNotFound(id);
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Agency).SingleAsync(r => r.Id == id, cancellationToken);
        var counts = await db.Responses.Where(r => r.RoundId == id).GroupBy(r => r.Instrument)
            .Select(g => new { Instrument = g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Instrument, g => g.Count, cancellationToken);
        var rules = surveys.Of(round).Model.MinimumSample;
        return TypedResults.Ok(new ResponseCountDto(counts.GetValueOrDefault("IIT"), counts.GetValueOrDefault("EIT"),
            rules.Iit.MinimumFor(round.Agency.StaffHeadcount), rules.Eit.MinimumFor(round.Agency.AgencyGroup)));
    }

    private static async Task<Results<Ok<AccessCodesDto>, ProblemHttpResult, ValidationProblem>> CodesAsync(int id, JsonBody<AccessCodesRequest> body,
        ClaimsPrincipal user, AgencyAccess access, RoundAdmin admin, AuditLog audit, IDbContextFactory<ItaDbContext> databases,
        HttpRequest request, CancellationToken cancellationToken)
    {
        if (await access.VisibleRoundAgencyAsync(user, id, cancellationToken) is not { } agencyId)
        {
            return ApiProblems.RoundNotFound(id);
        }
        if (!await access.CanEditAsync(user, agencyId, cancellationToken))
        {
            return ApiProblems.ReadOnly(agencyId);
        }
        if (body.Problem is { } problem)
        {
            return problem;
        }
        var count = body.Value!.Count;
        if (count is not (>= 1 and <= MaxCodesPerRequest))
        {
            return ApiProblems.Invalid(new Dictionary<string, LocalizedText>
            {
                ["count"] = new($"count ต้องเป็นจำนวนเต็ม 1 ถึง {MaxCodesPerRequest}",
                    count is null ? "count is required." : $"count must be 1 to {MaxCodesPerRequest}, not {count}."),
            });
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Links).SingleAsync(r => r.Id == id, cancellationToken);
        if (round.IitMode != IitMode.SingleUseCodes)
        {
            return ApiProblems.Conflict(new LocalizedText(
                $"รอบ {id} ใช้ลิงก์เปิดสำหรับ IIT รหัสใช้ครั้งเดียวมีเฉพาะรอบที่ใช้ singleUseCodes (เปลี่ยนได้ด้วย PATCH /api/v1/rounds/{id})",
                $"Round {id} gives staff one open IIT link; single-use codes exist only for rounds in singleUseCodes mode."));
        }
        var codes = await admin.GenerateAccessCodesAsync(id, count.Value, cancellationToken);
        await audit.RecordAsync(user, "round.codes", agencyId, $"round {id}: {codes.Count} single-use codes", CancellationToken.None);
        var form = LinkDto.From(round.Links.Single(l => l.Instrument == "IIT"), request).Url;
        return TypedResults.Ok(new AccessCodesDto(id, codes.Select(c => new AccessCodeDto(c, $"{form}?k={c}")).ToList()));
    }
}
