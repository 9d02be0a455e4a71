using System.Text.Encodings.Web;
using System.Text.Unicode;
using ItaSurvey.Core.Loading;
using ItaSurvey.Web;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Admin;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Components;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Exports;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.Reports;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Security;
using ItaSurvey.Web.Sharing;
using ItaSurvey.Web.Surveys;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

// Command-line verbs that need no database (validate, help) run and exit here.
if (CommandLine.TryRun(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

// The content root (appsettings, wwwroot) is the app's own folder, so the app behaves the same
// wherever it is started from; relative paths in settings (the data folder) follow the
// current directory.
var dataVerb = CommandLine.IsDataVerb(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = dataVerb ? [] : args, ContentRootPath = AppContext.BaseDirectory });

// Questionnaire definitions: loaded and validated once; an invalid set stops the start.
try
{
    builder.AddSurveyDefinitions();
}
catch (SurveyDefinitionException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("The app did not start. Fix the files above; 'validate' checks them without starting.");
    return 1;
}

// Thai text goes out as UTF-8 rather than as &#x...; escapes: pages stay a third of the size.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.Thai, UnicodeRanges.GeneralPunctuation));
builder.Services.AddSingleton(TimeProvider.System);

// Data: EF Core on SQLite (a file under data/), migrated as the app starts.
builder.AddDatabase();

// Respondent pages: plain forms, antiforgery, submission keys, per-client rate limiting.
builder.AddCookiePolicies();
builder.AddResponding();

// Administration: accounts and roles, agency scoping, audit log, rounds, OIT, results, API.
builder.AddAccounts();
builder.Services.AddSingleton<AuditLog>();
builder.Services.AddSingleton<RoundAdmin>();
builder.Services.AddSingleton<ApiTokens>();
builder.AddOit();
builder.AddAdmin();
builder.AddApi();
builder.AddSharing();
builder.AddDashboards();
builder.AddExports();

// Blazor: static server rendering for public pages, interactive server rendering for the admin side.
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();

if (dataVerb)
{
    await DatabaseSetup.MigrateAsync(app.Services);
    return await CommandLine.RunDataVerbAsync(app.Services, args, Console.In, Console.Out, Console.Error);
}

// Behind a reverse proxy on the same machine (only loopback proxies are trusted) the client
// address and scheme come from X-Forwarded-*: first, so that HSTS, cookies and the rate
// limiter see the request as the proxy received it.
app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", "?status={0}", createScopeForStatusCodePages: true);
app.UseErrorPagesAsGet();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

// Liveness answers while the process runs; readiness also reaches the database.
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

app.MapStaticAssets();
app.MapResponding();
app.MapAccounts();
app.MapApi();
app.MapSharing();
app.MapImprovementReports();
app.MapAdminExports();
app.MapDashboardCharts();
app.MapTrendCharts();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null); // our own policy says 'none'


await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
