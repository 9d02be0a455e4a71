using System.Net;
using System.Text;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Tests.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Attacks;

/// <summary>
/// Every API operation, read from the OpenAPI document so that a new endpoint is covered without
/// editing this test, and every admin page and export, read from the app's own endpoints: users
/// of agency A try agency B's ids, viewers try writes, and broken credentials try everything.
/// Nothing of B comes back and nothing changes.
/// </summary>
public sealed class AuthorizationMatrixTests(AttackWorld world) : IClassFixture<AttackWorld>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Users_of_agency_A_get_nothing_of_agency_B_from_any_API_operation_and_change_nothing()
    {
        var before = await world.FingerprintAsync();
        var operations = await OperationsAsync();
        Assert.True(operations.Count >= 14, $"only {operations.Count} operations in the OpenAPI document");

        foreach (var caller in new[] { world.ViewerOfA, world.AdminOfA })
        {
            foreach (var operation in operations)
            {
                var response = await SendAsync(caller.Client, operation, Ids.OfB(world));
                var body = await response.Content.ReadAsStringAsync(Cancel);
                var status = (int)response.StatusCode;
                // Fiscal-year versions are shared by every agency, not agency B's: any user may read a
                // published one; only a system administrator may change one.
                var namesB = operation.NamesAnId && !operation.Path.StartsWith("/api/v1/fiscal-years", StringComparison.Ordinal);
                var allowed = namesB ? status is 403 or 404
                    : operation.IsRead ? status is 200 or 403
                    : status is 403 or 404;
                AttackLedger.Record("API: another agency's ids or a higher role", !allowed, false);
                Assert.True(allowed, $"{caller.Email} {operation}: {status} {body}");
                Assert.DoesNotContain(AttackWorld.Marker, body, StringComparison.Ordinal);
                Assert.DoesNotContain(world.AdminOfB.Email, body, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await world.FingerprintAsync());
    }

    [Fact]
    public async Task A_viewer_cannot_change_anything_even_in_their_own_agency()
    {
        var before = await world.FingerprintAsync();
        foreach (var operation in (await OperationsAsync()).Where(o => !o.IsRead && !o.Path.StartsWith("/api/v1/tokens", StringComparison.Ordinal)))
        {
            var response = await SendAsync(world.ViewerOfA.Client, operation, Ids.OfA(world));
            var status = (int)response.StatusCode;
            AttackLedger.Record("API: a viewer writes", status is < 400 or >= 500, false);
            Assert.True(status is 403 or 404, $"viewer {operation}: {status} {await response.Content.ReadAsStringAsync(Cancel)}");
        }

        Assert.Equal(before, await world.FingerprintAsync());
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("Bearer itas_0000000000000000000000000000000000000000")]
    [InlineData("Bearer ")]
    [InlineData("Bearer itas_")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    [InlineData("Bearer ' OR 1=1 --")]
    [InlineData("long")]
    public async Task Revoked_and_malformed_tokens_get_401_from_every_operation(string authorization)
    {
        var revoked = await world.App.ApiUserAsync(ItaSurvey.Web.Accounts.Roles.SystemAdmin);
        if (authorization == "revoked")
        {
            Assert.True(await world.App.Services.GetRequiredService<ApiTokens>().RevokeAsync(revoked.Id, revoked.TokenId, Cancel));
            authorization = "Bearer " + revoked.Secret;
        }
        else if (authorization == "long")
        {
            authorization = "Bearer itas_" + new string('x', 8000);
        }
        var before = await world.FingerprintAsync();
        var client = world.App.NewBrowser();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        foreach (var operation in await OperationsAsync())
        {
            var response = await SendAsync(client, operation, Ids.OfA(world));
            AttackLedger.Record("API: revoked or malformed token", response.StatusCode != HttpStatusCode.Unauthorized, false);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{authorization[..Math.Min(30, authorization.Length)]} {operation}: {response.StatusCode}");
        }
        Assert.Equal(before, await world.FingerprintAsync());
    }

    [Fact]
    public async Task An_expired_sign_in_cookie_reads_nothing()
    {
        await using var app = new SurveyApp(); // its own clock: this one moves nine hours on
        var round = await app.CreateRoundAsync();
        var (email, password) = await app.CreateUserAsync(ItaSurvey.Web.Accounts.Roles.AgencyAdmin, round.AgencyId);
        var browser = await app.SignedInBrowserAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/agencies", Cancel)).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(9)); // the cookie lasts 8 hours
        var api = await browser.GetAsync($"/api/v1/rounds/{round.Id}/results", Cancel);
        var page = await browser.GetAsync($"/admin/rounds/{round.Id}", Cancel);

        AttackLedger.Record("expired cookie", api.StatusCode != HttpStatusCode.Unauthorized, false);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/admin/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_admin_page_and_export_of_agency_B_shows_users_of_A_nothing_of_B()
    {
        var endpoints = world.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/admin", StringComparison.Ordinal) && e.RoutePattern.Parameters.Count > 0)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .ToList();
        Assert.True(endpoints.Count >= 10, $"only {endpoints.Count} admin routes with an id");

        foreach (var user in new[] { world.ViewerOfA, world.AdminOfA })
        {
            var browser = await world.App.SignedInBrowserAsync(user.Email, user.Password);
            foreach (var endpoint in endpoints)
            {
                var url = Ids.OfB(world).Fill(endpoint.RoutePattern.RawText!);
                var response = await browser.GetAsync(url, Cancel);
                var body = await response.Content.ReadAsStringAsync(Cancel);
                var leaked = body.Contains(AttackWorld.Marker, StringComparison.Ordinal);
                var status = (int)response.StatusCode;
                // Fiscal-year pages belong to no agency: for anyone but a system administrator they
                // send to the "denied" page (as the users page does) or are not found.
                var allowed = endpoint.RoutePattern.RawText!.StartsWith("/admin/years", StringComparison.Ordinal)
                    ? status is 302 or 403 or 404 && response.Headers.Location?.OriginalString.Contains("/preview", StringComparison.Ordinal) != true
                    : status == 404;
                AttackLedger.Record("admin pages and exports: another agency's ids", leaked || !allowed, false);
                Assert.False(leaked, $"{user.Email} {url}: {status} shows agency B");
                Assert.True(allowed, $"{user.Email} {url}: {status}");
            }
        }
    }

    private async Task<List<Operation>> OperationsAsync()
    {
        var document = await (await world.SystemAdmin.Client.GetAsync("/api/v1/openapi.json", Cancel)).JsonAsync();
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                string? example = null;
                if (method.Value.TryGetProperty("requestBody", out var request)
                    && request.GetProperty("content").TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("example", out var value))
                {
                    example = value.GetRawText();
                }
                operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, example));
            }
        }
        return operations;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Operation operation, Ids ids)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), ids.Fill(operation.Path));
        if (!operation.IsRead)
        {
            request.Content = new StringContent(operation.Example ?? "{}", Encoding.UTF8, "application/json");
        }
        return await client.SendAsync(request, Cancel);
    }

    private sealed record Operation(string Method, string Path, string? Example)
    {
        public bool IsRead => Method == "GET";

        public bool NamesAnId => Path.Contains('{');

        public override string ToString() => $"{Method} {Path}";
    }

    /// <summary>What each route parameter is filled with, by the literal segment before it.</summary>
    private sealed record Ids(int Agency, int Round, string User, int Token)
    {
        public static Ids OfB(AttackWorld world) => new(world.B.AgencyId, world.B.Id, world.AdminOfB.Id, world.AdminOfB.TokenId);

        public static Ids OfA(AttackWorld world) => new(world.A.AgencyId, world.A.Id, world.AdminOfA.Id, world.AdminOfA.TokenId);

        public string Fill(string template)
        {
            var segments = template.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                var open = segments[i].IndexOf('{');
                if (open < 0)
                {
                    continue;
                }
                var close = segments[i].IndexOf('}', open);
                var value = (i > 0 ? segments[i - 1] : "") switch
                {
                    "agencies" => Agency.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "rounds" => Round.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "users" => User,
                    "tokens" => Token.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "oit" => "O1",
                    _ when segments[i].Contains("instrument", StringComparison.Ordinal) => "iit",
                    _ => "1",
                };
                segments[i] = segments[i][..open] + value + segments[i][(close + 1)..];
            }
            return string.Join('/', segments);
        }
    }
}
