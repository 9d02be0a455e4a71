using System.Net;
using ItaSurvey.Web.Accounts;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

public class ApiRateLimitTests
{
    [Fact]
    public async Task Requests_over_the_per_user_limit_get_a_429_problem_with_Retry_After_and_other_users_go_on()
    {
        await using var app = new SurveyApp();
        var busy = await app.ApiUserAsync(Roles.SystemAdmin);
        var other = await app.ApiUserAsync(Roles.SystemAdmin);
        // The same app and database with a limit of 3 requests per minute.
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("Api:RequestsPerMinute", "3"));
        using var busyClient = Client(limited, busy.Secret);
        using var otherClient = Client(limited, other.Secret);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await busyClient.GetAsync("/api/v1/agencies", Cancel)).StatusCode);
        }
        var refused = await busyClient.GetAsync("/api/v1/agencies", Cancel);
        var otherUser = await otherClient.GetAsync("/api/v1/agencies", Cancel);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("3 requests per minute", await refused.ProblemAsync(HttpStatusCode.TooManyRequests), StringComparison.Ordinal);
        Assert.True(int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
    }

    private static HttpClient Client(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string secret)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
