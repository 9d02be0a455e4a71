using System.Security.Cryptography;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Commands;
using Microsoft.AspNetCore.Identity;

namespace ItaSurvey.Web.Accounts;

/// <summary>create-admin and create-user: accounts from the command line (there is no default password anywhere).</summary>
public static class AccountCommands
{
    public static readonly string[] Usage =
    [
        "create-admin --email <e-mail>              the first system administrator; password from standard input,",
        "                                           or generated and printed once when standard input is empty",
        "create-user --email <e-mail> --role AgencyAdmin|Viewer|SystemAdmin [--agencies 1,2]",
    ];

    public static Task<int> CreateAdminAsync(IServiceProvider services, CommandOptions options, TextReader input, TextWriter output, TextWriter error) =>
        CreateAsync(services, options.Required("email"), Roles.SystemAdmin, [], input, output, error);

    public static Task<int> CreateUserAsync(IServiceProvider services, CommandOptions options, TextReader input, TextWriter output, TextWriter error)
    {
        var role = options.Required("role");
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"--role is one of {string.Join(", ", Roles.All)}, not '{role}'.");
        }
        var agencies = (options.Optional("agencies") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => int.TryParse(a, out var id) ? id : throw new ArgumentException($"--agencies lists agency numbers, not '{a}'."))
            .ToList();
        return CreateAsync(services, options.Required("email"), role, agencies, input, output, error);
    }

    private static async Task<int> CreateAsync(IServiceProvider services, string email, string role, List<int> agencies,
        TextReader input, TextWriter output, TextWriter error)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await EnsureRolesAsync(scope.ServiceProvider);
        if (await users.FindByEmailAsync(email) is not null)
        {
            error.WriteLine($"A user with the e-mail {email} exists already.");
            return 1;
        }
        var typed = Console.IsInputRedirected ? (await input.ReadLineAsync())?.Trim() : null;
        var password = string.IsNullOrEmpty(typed) ? Generate() : typed;
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        user.Agencies.AddRange(agencies.Select(id => new AgencyAssignment { UserId = user.Id, AgencyId = id }));
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var problem in created.Errors)
            {
                error.WriteLine(problem.Description);
            }
            return 1;
        }
        await users.AddToRoleAsync(user, role);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(null, "user.create", null, $"{email} as {role}");
        output.WriteLine($"Created {role} {email}.");
        if (string.IsNullOrEmpty(typed))
        {
            output.WriteLine($"Password (shown once, change it after the first login): {password}");
        }
        return 0;
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>16 characters from an unambiguous alphabet plus a digit and a lower-case letter, as the rules ask.</summary>
    public static string Generate() =>
        RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789", 16) + "a7";
}
