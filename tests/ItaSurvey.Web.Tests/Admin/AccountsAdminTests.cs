using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Admin;

/// <summary>Users, API tokens and the audit log as the admin pages drive them.</summary>
public class AccountsAdminTests : IAsyncLifetime
{
    private readonly AdminWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_created_user_signs_in_with_the_password_shown_once_and_sees_their_agency()
    {
        var admin = await _world.PrincipalAsync(Roles.SystemAdmin);
        var form = new UserForm { Email = "staff@klongwan.go.th", Role = Roles.AgencyAdmin, AgencyIds = [_world.OurAgencyId] };

        var outcome = await _world.WithAsync<UserDirectory, Outcome<string>>(u => u.CreateAsync(admin, form));
        var browser = await _world.App.SignedInBrowserAsync("staff@klongwan.go.th", outcome.Value!);
        var html = await browser.GetStringAsync("/admin", TestContext.Current.CancellationToken);

        Assert.Contains("เทศบาลตำบลคลองวาฬ", html, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminWorld.OtherName, html, StringComparison.Ordinal);
        var row = Assert.Single(await _world.WithAsync<UserDirectory, IReadOnlyList<UserRow>>(u => u.ListAsync(admin)), r => r.Email == "staff@klongwan.go.th");
        Assert.Equal([_world.OurAgencyId], row.AgencyIds);
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_is_refused_in_Thai()
    {
        var admin = await _world.PrincipalAsync(Roles.SystemAdmin);
        var form = new UserForm { Email = "viewer@klongwan.go.th", Role = Roles.Viewer, AgencyIds = [_world.OurAgencyId] };

        await _world.WithAsync<UserDirectory, Outcome<string>>(u => u.CreateAsync(admin, form));
        var again = await _world.WithAsync<UserDirectory, Outcome<string>>(u => u.CreateAsync(admin, form));

        Assert.Equal("มีผู้ใช้อีเมลนี้อยู่แล้ว", again.Errors[nameof(UserForm.Email)]);
    }

    [Fact]
    public async Task Changing_role_and_agencies_replaces_them_and_is_audited()
    {
        var admin = await _world.PrincipalAsync(Roles.SystemAdmin);
        await _world.WithAsync<UserDirectory, Outcome<string>>(u => u.CreateAsync(admin,
            new UserForm { Email = "moved@example.test", Role = Roles.Viewer, AgencyIds = [_world.OurAgencyId] }));
        var id = (await _world.WithAsync<UserDirectory, IReadOnlyList<UserRow>>(u => u.ListAsync(admin))).Single(r => r.Email == "moved@example.test").Id;

        var outcome = await _world.WithAsync<UserDirectory, Outcome<bool>>(u => u.UpdateAsync(admin, id,
            new UserForm { Role = Roles.AgencyAdmin, AgencyIds = [_world.Other.AgencyId] }));

        Assert.True(outcome.Succeeded);
        var row = (await _world.WithAsync<UserDirectory, IReadOnlyList<UserRow>>(u => u.ListAsync(admin))).Single(r => r.Id == id);
        Assert.Equal(Roles.AgencyAdmin, row.Role);
        Assert.Equal([_world.Other.AgencyId], row.AgencyIds);
        Assert.Contains(await AuditAsync(), e => e.Action == "user.update" && e.Details!.StartsWith("moved@example.test: role Viewer → AgencyAdmin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_and_an_admin_cannot_lock_or_demote_themselves()
    {
        var admin = await _world.PrincipalAsync(Roles.SystemAdmin);
        var created = await _world.WithAsync<UserDirectory, Outcome<string>>(u => u.CreateAsync(admin,
            new UserForm { Email = "locked@example.test", Role = Roles.Viewer, AgencyIds = [_world.OurAgencyId] }));
        var rows = await _world.WithAsync<UserDirectory, IReadOnlyList<UserRow>>(u => u.ListAsync(admin));
        var self = admin.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;

        await _world.WithAsync<UserDirectory, Outcome<bool>>(u => u.SetLockedAsync(admin, rows.Single(r => r.Email == "locked@example.test").Id, true));
        var lockSelf = await _world.WithAsync<UserDirectory, Outcome<bool>>(u => u.SetLockedAsync(admin, self, true));
        var demoteSelf = await _world.WithAsync<UserDirectory, Outcome<bool>>(u => u.UpdateAsync(admin, self, new UserForm { Role = Roles.Viewer, AgencyIds = [_world.OurAgencyId] }));

        await Assert.ThrowsAnyAsync<Exception>(() => _world.App.SignedInBrowserAsync("locked@example.test", created.Value!));
        Assert.False(lockSelf.Succeeded);
        Assert.False(demoteSelf.Succeeded);
        Assert.True((await _world.WithAsync<UserDirectory, IReadOnlyList<UserRow>>(u => u.ListAsync(admin))).Single(r => r.Email == "locked@example.test").Locked);
    }

    [Fact]
    public async Task Only_system_admins_manage_users()
    {
        var agencyAdmin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);

        var outcome = await _world.WithAsync<UserDirectory, Outcome<string>>(u => u.CreateAsync(agencyAdmin,
            new UserForm { Email = "sneaky@example.test", Role = Roles.SystemAdmin }));

        Assert.False(outcome.Succeeded);
        Assert.Empty(await _world.WithAsync<UserDirectory, IReadOnlyList<UserRow>>(u => u.ListAsync(agencyAdmin)));
    }

    [Fact]
    public async Task A_token_secret_is_returned_once_never_audited_and_a_revoked_token_stops_working()
    {
        var viewer = await _world.PrincipalAsync(Roles.Viewer, _world.OurAgencyId);

        var created = await _world.WithAsync<PersonalTokens, Outcome<string>>(t => t.CreateAsync(viewer, "แดชบอร์ดจังหวัด"));
        var listed = Assert.Single(await _world.WithAsync<PersonalTokens, IReadOnlyList<ApiToken>>(t => t.ListAsync(viewer)));
        var revoked = await _world.WithAsync<PersonalTokens, bool>(t => t.RevokeAsync(viewer, listed.Id));

        Assert.StartsWith(listed.Prefix, created.Value, StringComparison.Ordinal);
        Assert.True(revoked);
        Assert.Null(await _world.App.Services.GetRequiredService<ApiTokens>().FindAsync(created.Value!, TestContext.Current.CancellationToken));
        var audit = await AuditAsync();
        Assert.Contains(audit, e => e.Action == "token.create");
        Assert.Contains(audit, e => e.Action == "token.revoke");
        Assert.DoesNotContain(audit, e => e.Details?.Contains(created.Value!, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_nameless_token_is_refused_in_Thai()
    {
        var viewer = await _world.PrincipalAsync(Roles.Viewer, _world.OurAgencyId);

        var outcome = await _world.WithAsync<PersonalTokens, Outcome<string>>(t => t.CreateAsync(viewer, "   "));

        Assert.Equal("กรุณาตั้งชื่อโทเคน เช่น ชื่อระบบที่จะใช้", outcome.Errors["Name"]);
    }

    [Fact]
    public async Task The_audit_log_pages_by_50_newest_first_and_filters_by_agency_and_action()
    {
        var admin = await _world.PrincipalAsync(Roles.SystemAdmin);
        var log = _world.App.Services.GetRequiredService<AuditLog>();
        for (var i = 0; i < 120; i++)
        {
            await log.RecordAsync(admin, i % 2 == 0 ? "oit.update" : "round.update", i % 3 == 0 ? _world.OurAgencyId : null, $"entry {i}", TestContext.Current.CancellationToken);
            _world.App.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await _world.WithAsync<AuditTrail, AuditLogPage?>(t => t.PageAsync(admin, new AuditFilter()));
        var third = await _world.WithAsync<AuditTrail, AuditLogPage?>(t => t.PageAsync(admin, new AuditFilter(Page: 3)));
        var filtered = await _world.WithAsync<AuditTrail, AuditLogPage?>(t => t.PageAsync(admin, new AuditFilter(_world.OurAgencyId, "oit.update")));
        var agencyAdmin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var refused = await _world.WithAsync<AuditTrail, AuditLogPage?>(t => t.PageAsync(agencyAdmin, new AuditFilter()));

        Assert.Equal("entry 119", first!.Entries[0].Details);
        Assert.Equal(50, first.Entries.Count);
        Assert.Equal(3, first.PageCount);
        Assert.Equal(20, third!.Entries.Count);
        Assert.Equal(20, filtered!.Total); // i divisible by 6
        Assert.All(filtered.Entries, e => Assert.Equal("oit.update", e.Action));
        Assert.Null(refused);
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = await _world.App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().ToListAsync();
    }
}
