using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Commands;
using Microsoft.AspNetCore.Identity;

namespace ItaSurvey.Web.Api;

/// <summary>create-token: a personal API token for an existing user, printed once.</summary>
public static class ApiCommands
{
    public static readonly string[] Usage = ["create-token --email <e-mail> --name <name>   a personal API token, printed once"];

    public static async Task<int> CreateTokenAsync(IServiceProvider services, CommandOptions options, TextWriter output, TextWriter error)
    {
        var email = options.Required("email");
        var name = options.Required("name");
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            error.WriteLine($"No user has the e-mail {email}. Create one first with create-admin or create-user.");
            return 1;
        }
        var (token, secret) = await services.GetRequiredService<ApiTokens>().CreateAsync(user.Id, name);
        var roles = await users.GetRolesAsync(user);
        await services.GetRequiredService<AuditLog>().RecordAsync(null, "token.create", null, $"token {token.Id} '{token.Name}' for {email}");
        if (options.Json)
        {
            CommandJson.Write(output, new CreatedToken(token.Id, token.Name, email, [.. roles], secret));
            return 0;
        }
        output.WriteLine($"Created API token {token.Id} '{token.Name}' for {email} ({(roles.Count == 0 ? "no role: it can reach nothing" : string.Join(", ", roles))}).");
        output.WriteLine("Send it as 'Authorization: Bearer <token>'. It is shown only now; keep it like a password:");
        output.WriteLine(secret);
        return 0;
    }
}

/// <summary>create-token --json: the token's id and name, its owner and roles, and the secret (shown only now).</summary>
public sealed record CreatedToken(int TokenId, string Name, string Email, IReadOnlyList<string> Roles, string Token);
