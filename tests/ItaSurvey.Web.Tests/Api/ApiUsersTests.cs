using System.Net;
using ItaSurvey.Web.Accounts;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

/// <summary>Users and their agencies through /api/v1/users (system administrators), and one's own tokens through /api/v1/tokens.</summary>
public class ApiUsersTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();
    private TestRound _round = null!;
    private ApiUser _system = null!;

    public async ValueTask InitializeAsync()
    {
        _round = await _app.CreateRoundAsync();
        _system = await _app.ApiUserAsync(Roles.SystemAdmin);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_system_administrator_creates_a_user_whose_password_signs_in_and_changes_their_role_and_agencies()
    {
        var other = await _app.CreateRoundAsync();
        var response = await _system.Client.PostJsonAsync("/api/v1/users",
            new { email = "kongklang@khlongwan.go.th", role = "Viewer", agencyIds = new[] { _round.AgencyId } });

        var created = await response.JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("user").GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/users/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Viewer", created.GetProperty("user").GetProperty("role").GetString());
        await _app.SignedInBrowserAsync("kongklang@khlongwan.go.th", created.GetProperty("password").GetString()!);

        var changed = await (await _system.Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{id}",
            new { role = "AgencyAdmin", agencyIds = new[] { _round.AgencyId, other.AgencyId } })).JsonAsync();
        Assert.Equal("AgencyAdmin", changed.GetProperty("role").GetString());
        Assert.Equal([_round.AgencyId, other.AgencyId], changed.GetProperty("agencyIds").EnumerateArray().Select(a => a.GetInt32()).Order());
        var listed = await (await _system.Client.GetAsync("/api/v1/users", Cancel)).JsonAsync();
        Assert.Contains(listed.EnumerateArray(), u => u.GetProperty("email").GetString() == "kongklang@khlongwan.go.th");
        var audit = await _app.AuditAsync(null);
        Assert.Equal(["user.create", "user.update"], audit.Where(e => e.Action.StartsWith("user.", StringComparison.Ordinal)).Select(e => e.Action));
        Assert.All(audit, e => Assert.DoesNotContain(created.GetProperty("password").GetString()!, e.Details ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Locking_a_user_stops_their_tokens_and_unlocking_restores_them()
    {
        var agencyAdmin = await _app.ApiUserAsync(Roles.AgencyAdmin, _round.AgencyId);

        var locked = await (await _system.Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{agencyAdmin.Id}/lock", new { locked = true })).JsonAsync();
        var refused = await agencyAdmin.Client.GetAsync("/api/v1/agencies", Cancel);
        await (await _system.Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{agencyAdmin.Id}/lock", new { locked = false })).JsonAsync();
        var allowed = await agencyAdmin.Client.GetAsync("/api/v1/agencies", Cancel);

        Assert.True(locked.GetProperty("locked").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(2, (await _app.AuditAsync(null)).Count(e => e.Action == "user.update" && e.Details!.StartsWith(agencyAdmin.Email, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_page_rules_hold_with_each_problem_in_English_and_Thai()
    {
        var taken = await _system.Client.PostJsonAsync("/api/v1/users", new { email = _system.Email, role = "SystemAdmin" });
        var wrong = await _system.Client.PostJsonAsync("/api/v1/users", new { email = "not an address", role = "Owner", agencyIds = new[] { 1 } });
        var noAgency = await _system.Client.PostJsonAsync("/api/v1/users", new { email = "a@khlongwan.go.th", role = "Viewer" });
        var missingAgency = await _system.Client.PostJsonAsync("/api/v1/users", new { email = "b@khlongwan.go.th", role = "Viewer", agencyIds = new[] { 999 } });
        var self = await _system.Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{_system.Id}", new { role = "Viewer", agencyIds = new[] { _round.AgencyId } });
        var selfLock = await _system.Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{_system.Id}/lock", new { locked = true });
        var nobody = await _system.Client.SendJsonAsync(HttpMethod.Put, "/api/v1/users/no-such-user/lock", new { locked = true });

        await taken.ProblemJsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(["email", "role"], (await wrong.InvalidFieldsAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["agencyIds"], (await noAgency.InvalidFieldsAsync()).Keys);
        Assert.Contains("999", (await missingAgency.InvalidFieldsAsync())["agencyIds"].En, StringComparison.Ordinal);
        var role = (await self.InvalidFieldsAsync())["role"];
        Assert.Contains("your own role", role.En, StringComparison.Ordinal);
        Assert.Contains("บทบาทของตนเอง", role.Th, StringComparison.Ordinal);
        Assert.Equal(["user"], (await selfLock.InvalidFieldsAsync()).Keys);
        await nobody.ProblemJsonAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await _app.AuditAsync(null), e => e.Action.StartsWith("user.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_system_administrators_may_list_create_change_or_lock_users()
    {
        var agencyAdmin = await _app.ApiUserAsync(Roles.AgencyAdmin, _round.AgencyId);
        var viewer = await _app.ApiUserAsync(Roles.Viewer, _round.AgencyId);

        foreach (var client in new[] { agencyAdmin.Client, viewer.Client })
        {
            await (await client.GetAsync("/api/v1/users", Cancel)).ProblemJsonAsync(HttpStatusCode.Forbidden);
            await (await client.PostJsonAsync("/api/v1/users", new { email = "x@khlongwan.go.th", role = "SystemAdmin" })).ProblemJsonAsync(HttpStatusCode.Forbidden);
            await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{agencyAdmin.Id}", new { role = "SystemAdmin" })).ProblemJsonAsync(HttpStatusCode.Forbidden);
            await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{_system.Id}/lock", new { locked = true })).ProblemJsonAsync(HttpStatusCode.Forbidden);
        }
        Assert.Equal(HttpStatusCode.OK, (await _system.Client.GetAsync("/api/v1/agencies", Cancel)).StatusCode); // still unlocked
        Assert.DoesNotContain(await _app.AuditAsync(null), e => e.Action.StartsWith("user.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Everyone_lists_and_revokes_only_their_own_tokens_and_a_revoked_token_stops_at_once()
    {
        var viewer = await _app.ApiUserAsync(Roles.Viewer, _round.AgencyId);

        var mine = await (await viewer.Client.GetAsync("/api/v1/tokens", Cancel)).JsonAsync();
        var theirs = await viewer.Client.DeleteAsync($"/api/v1/tokens/{_system.TokenId}", Cancel);
        var revoked = await viewer.Client.DeleteAsync($"/api/v1/tokens/{viewer.TokenId}", Cancel);
        var after = await viewer.Client.GetAsync("/api/v1/tokens", Cancel);

        var token = Assert.Single(mine.EnumerateArray());
        Assert.Equal(viewer.TokenId, token.GetProperty("id").GetInt32());
        Assert.True(token.GetProperty("current").GetBoolean());
        Assert.StartsWith("itas_", token.GetProperty("prefix").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(viewer.Secret, mine.GetRawText(), StringComparison.Ordinal);
        await theirs.ProblemJsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _system.Client.GetAsync("/api/v1/tokens", Cancel)).StatusCode);
        Assert.Equal(["token.revoke"], (await _app.AuditAsync(null)).Select(e => e.Action));
    }
}
