using System.Net;
using System.Text.Json;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

public class ApiAuthenticationTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_request_without_a_token_gets_a_401_problem_that_says_how_to_authenticate()
    {
        var response = await _app.WithToken(null).GetAsync("/api/v1/agencies", Cancel);

        var detail = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Authorization: Bearer", detail, StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_made_up_token_gets_a_401()
    {
        var response = await _app.WithToken("itas_" + new string('x', 40)).GetAsync("/api/v1/agencies", Cancel);

        Assert.Contains("not valid", await response.ProblemAsync(HttpStatusCode.Unauthorized), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_acts_for_its_owner_until_it_is_revoked()
    {
        var admin = await _app.ApiUserAsync(Roles.SystemAdmin);
        var before = await admin.Client.GetAsync("/api/v1/agencies", Cancel);

        Assert.True(await _app.Services.GetRequiredService<ApiTokens>().RevokeAsync(admin.Id, admin.TokenId, Cancel));
        var after = await admin.Client.GetAsync("/api/v1/agencies", Cancel);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("revoked", await after.ProblemAsync(HttpStatusCode.Unauthorized), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_of_a_locked_out_user_stops_working()
    {
        var admin = await _app.ApiUserAsync(Roles.SystemAdmin);
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(admin.Id))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        var response = await admin.Client.GetAsync("/api/v1/agencies", Cancel);

        Assert.Contains("locked out", await response.ProblemAsync(HttpStatusCode.Unauthorized), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_administrator_can_use_the_API_with_the_admin_cookie()
    {
        var (email, password) = await _app.CreateUserAsync(Roles.SystemAdmin);
        var browser = await _app.SignedInOverHttpsAsync(email, password);

        var response = await browser.GetAsync("/api/v1/agencies", Cancel);

        Assert.Equal(JsonValueKind.Array, (await response.JsonAsync()).ValueKind);
    }

    [Fact]
    public async Task A_user_without_a_role_gets_a_403()
    {
        var user = await _app.ApiUserAsync(Roles.Viewer);
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.RemoveFromRoleAsync((await users.FindByIdAsync(user.Id))!, Roles.Viewer);
        }

        var response = await user.Client.GetAsync("/api/v1/agencies", Cancel);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_API_path_answers_a_404_problem_rather_than_the_HTML_page()
    {
        var admin = await _app.ApiUserAsync(Roles.SystemAdmin);

        var response = await admin.Client.GetAsync("/api/v1/nothing-here", Cancel);

        Assert.Contains("/api/v1/nothing-here", await response.ProblemAsync(HttpStatusCode.NotFound), StringComparison.Ordinal);
    }
}
