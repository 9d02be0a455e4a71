using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Api;

/// <summary>API clients with personal tokens, and checks of the API's answers.</summary>
public static class ApiTesting
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A user with a role and agencies, and a client that sends one of their tokens.</summary>
    public static async Task<ApiUser> ApiUserAsync(this SurveyApp app, string role, params int[] agencyIds)
    {
        var (email, password) = await app.CreateUserAsync(role, agencyIds);
        using var scope = app.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
        var (token, secret) = await app.Services.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "tests", Cancel);
        return new ApiUser(user.Id, email, password, token.Id, secret, app.WithToken(secret));
    }

    public static HttpClient WithToken(this SurveyApp app, string? secret)
    {
        var client = app.NewBrowser();
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }
        return client;
    }

    /// <summary>
    /// A browser signed in through the login form over https: outside Development the admin
    /// cookie is Secure, so a client on http would never send it back.
    /// </summary>
    public static async Task<HttpClient> SignedInOverHttpsAsync(this SurveyApp app, string email, string password)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
        });
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync("/admin/login", Cancel));
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var response = await browser.PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["email"] = email, ["password"] = password, ["returnUrl"] = "/admin",
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Cancel);

    /// <summary>A raw body, exactly as written, with a content type.</summary>
    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string body,
        string contentType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) }, Cancel);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Asserts a problem-details answer with a status and returns its detail.</summary>
    public static async Task<string> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }

    /// <summary>Asserts a problem-details answer with a status, its detail in English and Thai, and returns the whole problem.</summary>
    public static async Task<JsonElement> ProblemJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Matches("[\u0E00-\u0E7F]", problem.GetProperty("detailTh").GetString()); // Thai script
        return problem;
    }

    /// <summary>The invalid fields of a validation problem, each with its English and Thai message.</summary>
    public static async Task<Dictionary<string, (string En, string Th)>> InvalidFieldsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ProblemJsonAsync(HttpStatusCode.BadRequest);
        var thai = problem.GetProperty("errorsTh");
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name,
            e => (e.Value[0].GetString()!, thai.GetProperty(e.Name)[0].GetString()!));
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object body) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) }, Cancel);

    /// <summary>The audit log's actions for an agency, oldest first.</summary>
    public static async Task<List<ItaSurvey.Web.Auditing.AuditEntry>> AuditAsync(this SurveyApp app, int? agencyId)
    {
        await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ItaSurvey.Web.Data.ItaDbContext>>()
            .CreateDbContextAsync(Cancel);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEntries.Where(e => e.AgencyId == agencyId).OrderBy(e => e.Id), Cancel);
    }

    public static object Agency(string nameTh = "เทศบาลตำบลบ่อนอก", string group = "tambon-municipality-s", int headcount = 60) =>
        new { nameTh, nameEn = "Bo Nok Subdistrict Municipality", province = "ประจวบคีรีขันธ์", agencyGroup = group, staffHeadcount = headcount };
}

public sealed record ApiUser(string Id, string Email, string Password, int TokenId, string Secret, HttpClient Client);
