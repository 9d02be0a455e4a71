using System.Security.Claims;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Accounts;

/// <summary>A user as the users page lists them.</summary>
public sealed record UserRow(string Id, string Email, string Role, IReadOnlyList<int> AgencyIds, bool Locked);

/// <summary>
/// Accounts for system administrators: list, create with a password shown once, change role and
/// agencies, lock. Each operation gets a fresh UserManager (and DbContext) rather than the
/// circuit's long-lived one.
/// </summary>
public sealed class UserDirectory(IServiceScopeFactory scopes, IDbContextFactory<ItaDbContext> databases, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        if (!AgencyAccess.IsSystemAdmin(admin))
        {
            return [];
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.LockoutEnd }).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var agencies = await db.AgencyAssignments.AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return users.Select(u => new UserRow(u.Id, u.Email ?? "",
            roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "",
            agencies.Where(a => a.UserId == u.Id).Select(a => a.AgencyId).Order().ToList(),
            u.LockoutEnd > now)).ToList();
    }

    /// <summary>Creates a user and returns the generated password: the only time anyone sees it.</summary>
    public async Task<Outcome<string>> CreateAsync(ClaimsPrincipal admin, UserForm form, CancellationToken cancellationToken = default)
    {
        if (!AgencyAccess.IsSystemAdmin(admin))
        {
            return Outcome<string>.Denied();
        }
        var errors = form.Validate(creating: true, await AgencyIdsAsync(cancellationToken));
        if (errors.Any)
        {
            return Outcome<string>.Failed(errors);
        }
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await AccountCommands.EnsureRolesAsync(scope.ServiceProvider);
        var email = form.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Outcome<string>.Failed(FormErrors.Of(nameof(UserForm.Email), "มีผู้ใช้อีเมลนี้อยู่แล้ว", $"There is already a user {email}."), Refusal.Conflict);
        }
        var password = AccountCommands.Generate();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        user.Agencies.AddRange(form.EffectiveAgencies.Select(id => new AgencyAssignment { UserId = user.Id, AgencyId = id }));
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            var reasons = string.Join(" ", created.Errors.Select(e => e.Description));
            return Outcome<string>.Failed(FormErrors.Of("", "สร้างผู้ใช้ไม่สำเร็จ: " + reasons, "The user could not be created: " + reasons));
        }
        await users.AddToRoleAsync(user, form.Role);
        await audit.RecordAsync(admin, "user.create", null, $"{email} as {form.Role}, agencies [{string.Join(",", form.EffectiveAgencies)}]", cancellationToken);
        return Outcome<string>.Done(password);
    }

    /// <summary>Changes a user's role and agencies. Administrators cannot change their own role (so one always remains).</summary>
    public async Task<Outcome<bool>> UpdateAsync(ClaimsPrincipal admin, string userId, UserForm form, CancellationToken cancellationToken = default)
    {
        if (!AgencyAccess.IsSystemAdmin(admin))
        {
            return Outcome<bool>.Denied();
        }
        var errors = form.Validate(creating: false, await AgencyIdsAsync(cancellationToken));
        if (errors.Any)
        {
            return Outcome<bool>.Failed(errors);
        }
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Outcome<bool>.Failed(NoSuchUser, Refusal.NotFound);
        }
        var oldRoles = await users.GetRolesAsync(user);
        if (IsSelf(admin, userId) && !oldRoles.SequenceEqual([form.Role]))
        {
            return Outcome<bool>.Failed(FormErrors.Of(nameof(UserForm.Role), "ท่านเปลี่ยนบทบาทของตนเองไม่ได้ ให้ผู้ดูแลระบบคนอื่นเปลี่ยนให้",
                "You cannot change your own role: ask another system administrator."));
        }
        await users.RemoveFromRolesAsync(user, oldRoles.Where(r => r != form.Role));
        if (!oldRoles.Contains(form.Role))
        {
            await users.AddToRoleAsync(user, form.Role);
        }
        await SetAgenciesAsync(userId, form.EffectiveAgencies, cancellationToken);
        // A new security stamp makes the user's open sessions pick up the change when next validated.
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(admin, "user.update", null,
            $"{user.Email}: role {string.Join(",", oldRoles)} → {form.Role}, agencies [{string.Join(",", form.EffectiveAgencies)}]", cancellationToken);
        return Outcome<bool>.Done(true);
    }

    /// <summary>Locks (indefinitely) or unlocks an account. Administrators cannot lock themselves out.</summary>
    public async Task<Outcome<bool>> SetLockedAsync(ClaimsPrincipal admin, string userId, bool locked, CancellationToken cancellationToken = default)
    {
        if (!AgencyAccess.IsSystemAdmin(admin))
        {
            return Outcome<bool>.Denied();
        }
        if (IsSelf(admin, userId))
        {
            return Outcome<bool>.Failed(FormErrors.Of("", "ท่านล็อกบัญชีของตนเองไม่ได้", "You cannot lock your own account."));
        }
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Outcome<bool>.Failed(NoSuchUser, Refusal.NotFound);
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(admin, "user.update", null, $"{user.Email}: {(locked ? "locked" : "unlocked")}", cancellationToken);
        return Outcome<bool>.Done(locked);
    }

    // Assignments are plain rows: changed here directly rather than through the UserManager's graph update.
    private async Task SetAgenciesAsync(string userId, IReadOnlyList<int> agencyIds, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.AgencyAssignments.Where(a => a.UserId == userId && !agencyIds.Contains(a.AgencyId)).ExecuteDeleteAsync(cancellationToken);
        var kept = await db.AgencyAssignments.Where(a => a.UserId == userId).Select(a => a.AgencyId).ToListAsync(cancellationToken);
        db.AgencyAssignments.AddRange(agencyIds.Except(kept).Select(id => new AgencyAssignment { UserId = userId, AgencyId = id }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static FormErrors NoSuchUser => FormErrors.Of("", "ไม่พบผู้ใช้นี้", "There is no such user.");

    private static bool IsSelf(ClaimsPrincipal admin, string userId) => admin.FindFirstValue(ClaimTypes.NameIdentifier) == userId;

    private async Task<IReadOnlySet<int>> AgencyIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return (await db.Agencies.Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
    }
}
