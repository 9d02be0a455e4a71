using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Forms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ItaSurvey.Web.Accounts;

/// <summary>/api/v1/users (system administrators) and /api/v1/tokens (everyone's own), through the users and tokens pages' services.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("", ListAsync).WithName("ListUsers").WithSummary("Every user with role, agencies and lock (system administrators only).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapPost("", CreateAsync).WithName("CreateUser")
            .WithSummary("Creates a user with a generated password, returned only in this answer (system administrators only).")
            .AcceptsJson<UserRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        users.MapPut("/{userId}", ChangeAsync).WithName("ChangeUser")
            .WithSummary("Sets a user's role and agencies; their open sessions pick the change up (system administrators only).")
            .AcceptsJson<UserChangeRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        users.MapPut("/{userId}/lock", LockAsync).WithName("LockUser")
            .WithSummary("Locks or unlocks an account; a locked user's sign-in and API tokens stop working (system administrators only).")
            .AcceptsJson<LockRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapGet("", TokensAsync).WithName("ListTokens").WithSummary("Your own API tokens, newest first (never the secrets).");
        tokens.MapDelete("/{tokenId:int}", RevokeAsync).WithName("RevokeToken")
            .WithSummary("Revokes one of your own tokens at once (it may be the one this request came with).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<List<UserDto>>, ProblemHttpResult>> ListAsync(ClaimsPrincipal user, UserDirectory directory,
        CancellationToken cancellationToken) =>
        AgencyAccess.IsSystemAdmin(user)
            ? TypedResults.Ok((await directory.ListAsync(user, cancellationToken)).Select(UserDto.From).ToList())
            : SystemAdminsOnly();

    private static async Task<Results<Created<CreatedUserDto>, ProblemHttpResult, ValidationProblem>> CreateAsync(JsonBody<UserRequest> body,
        ClaimsPrincipal user, UserDirectory directory, CancellationToken cancellationToken)
    {
        if (!AgencyAccess.IsSystemAdmin(user))
        {
            return SystemAdminsOnly();
        }
        if (body.Problem is { } problem)
        {
            return problem;
        }
        var form = body.Value!.ToForm();
        var outcome = await directory.CreateAsync(user, form, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Problem(outcome.Errors, outcome.Refusal) is { } refused ? refused : Invalid(outcome.Errors);
        }
        var created = (await directory.ListAsync(user, cancellationToken)).Single(u => u.Email == form.Email.Trim());
        return TypedResults.Created($"/api/v1/users/{created.Id}", new CreatedUserDto(UserDto.From(created), outcome.Value!));
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult, ValidationProblem>> ChangeAsync(string userId, JsonBody<UserChangeRequest> body,
        ClaimsPrincipal user, UserDirectory directory, CancellationToken cancellationToken)
    {
        if (!AgencyAccess.IsSystemAdmin(user))
        {
            return SystemAdminsOnly();
        }
        if (body.Problem is { } problem)
        {
            return problem;
        }
        var outcome = await directory.UpdateAsync(user, userId, body.Value!.ToForm(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(await FindAsync(user, directory, userId, cancellationToken)) : Problem(outcome.Errors, outcome.Refusal) is { } refused ? refused : Invalid(outcome.Errors);
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult, ValidationProblem>> LockAsync(string userId, JsonBody<LockRequest> body,
        ClaimsPrincipal user, UserDirectory directory, CancellationToken cancellationToken)
    {
        if (!AgencyAccess.IsSystemAdmin(user))
        {
            return SystemAdminsOnly();
        }
        if (body.Problem is { } problem)
        {
            return problem;
        }
        if (body.Value!.Locked is not { } locked)
        {
            return ApiProblems.Invalid(new Dictionary<string, LocalizedText>
            {
                ["locked"] = new("ระบุ locked เป็น true (ล็อก) หรือ false (ปลดล็อก)", "locked is required: true to lock the account, false to unlock it."),
            });
        }
        var outcome = await directory.SetLockedAsync(user, userId, locked, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(await FindAsync(user, directory, userId, cancellationToken)) : Problem(outcome.Errors, outcome.Refusal) is { } refused ? refused : Invalid(outcome.Errors);
    }

    private static async Task<Ok<List<TokenDto>>> TokensAsync(ClaimsPrincipal user, PersonalTokens tokens, CancellationToken cancellationToken)
    {
        var current = CurrentToken(user);
        return TypedResults.Ok((await tokens.ListAsync(user, cancellationToken)).Select(t => TokenDto.From(t, current)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(int tokenId, ClaimsPrincipal user, PersonalTokens tokens,
        CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(user, tokenId, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound(new LocalizedText($"ท่านไม่มีโทเคน {tokenId} ที่ยังใช้งานอยู่", $"You have no live token {tokenId}."));

    private static int? CurrentToken(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ApiTokenHandler.TokenIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static async Task<UserDto> FindAsync(ClaimsPrincipal user, UserDirectory directory, string userId, CancellationToken cancellationToken) =>
        UserDto.From((await directory.ListAsync(user, cancellationToken)).Single(u => u.Id == userId));

    private static ProblemHttpResult SystemAdminsOnly() => ApiProblems.Forbidden(new LocalizedText(
        "เฉพาะผู้ดูแลระบบ (SystemAdmin) เท่านั้นที่จัดการผู้ใช้ได้", "Only system administrators (SystemAdmin) manage users and their agencies."));

    /// <summary>A refusal of the users page's service other than invalid fields: 404 for an unknown user, 409 for a taken e-mail address.</summary>
    private static ProblemHttpResult? Problem(FormErrors errors, Refusal? refusal) => refusal switch
    {
        Refusal.NotFound => ApiProblems.NotFound(errors.Message(errors.Fields.First())!),
        Refusal.Conflict => ApiProblems.Conflict(errors.Message(errors.Fields.First())!),
        Refusal.Denied => SystemAdminsOnly(),
        _ => null,
    };

    private static ValidationProblem Invalid(FormErrors errors) =>
        ApiProblems.Invalid(errors.Fields.ToDictionary(f => f.Length == 0 ? "user" : JsonNamingPolicy.CamelCase.ConvertName(f), f => errors.Message(f)!));
}
