using ItaSurvey.Web.Api;

namespace ItaSurvey.Web.Accounts;

/// <summary>A user: role SystemAdmin (every agency), AgencyAdmin or Viewer (the agencies listed), and whether the account is locked.</summary>
public sealed record UserDto(string Id, string Email, string Role, IReadOnlyList<int> AgencyIds, bool Locked)
{
    public static UserDto From(UserRow row) => new(row.Id, row.Email, row.Role, row.AgencyIds, row.Locked);
}

/// <summary>A new user with the password generated for them: shown only in this answer, give it to them like a password.</summary>
public sealed record CreatedUserDto(UserDto User, string Password);

/// <summary>The body of POST /users.</summary>
/// <param name="Email">The user's e-mail address, which is also their sign-in name.</param>
/// <param name="Role">SystemAdmin, AgencyAdmin or Viewer.</param>
/// <param name="AgencyIds">The agencies an AgencyAdmin or Viewer may see (at least one); ignored for a SystemAdmin.</param>
public sealed record UserRequest(string? Email, string? Role, IReadOnlyList<int>? AgencyIds = null)
{
    public UserForm ToForm() => new() { Email = Email ?? "", Role = Role ?? "", AgencyIds = [.. AgencyIds ?? []] };
}

/// <summary>The body of PUT /users/{id}: the user's role and agencies (the e-mail address stays).</summary>
/// <param name="Role">SystemAdmin, AgencyAdmin or Viewer. You cannot change your own role.</param>
/// <param name="AgencyIds">The agencies an AgencyAdmin or Viewer may see (at least one); ignored for a SystemAdmin.</param>
public sealed record UserChangeRequest(string? Role, IReadOnlyList<int>? AgencyIds = null)
{
    public UserForm ToForm() => new() { Role = Role ?? "", AgencyIds = [.. AgencyIds ?? []] };
}

/// <summary>The body of PUT /users/{id}/lock.</summary>
/// <param name="Locked">true locks the account (its sign-in and its API tokens stop working), false unlocks it.</param>
public sealed record LockRequest(bool? Locked);

/// <summary>One of your API tokens: never the token itself, only its first characters. <c>Current</c> marks the token of this request.</summary>
public sealed record TokenDto(int Id, string Name, string Prefix, DateTime CreatedAt, DateOnly? LastUsedOn, DateTime? RevokedAt, bool Current)
{
    public static TokenDto From(ApiToken token, int? current) => new(token.Id, token.Name, token.Prefix + "…",
        DateTime.SpecifyKind(token.CreatedAt, DateTimeKind.Utc), token.LastUsedOn,
        token.RevokedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, token.Id == current);
}
