using ItaSurvey.Core.Loading;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Charts;
using ItaSurvey.Web.Commands;
using ItaSurvey.Web.Components;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Exports;
using ItaSurvey.Web.Hosting;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.PublicIta;
using ItaSurvey.Web.Reports;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Security;
using ItaSurvey.Web.Sharing;
using ItaSurvey.Web.Surveys;
using ItaSurvey.Web.Trends;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Console;

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
if (dataVerb)
{
    // A verb's standard output is its answer (with --json, one JSON object a script parses), so
    // its logs (PostgreSQL's "database does not exist yet" on a first run, say) go to standard error.
    builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
}

// The features, each with its services here and its endpoints below. Shared blocks
// (Commands, Formatting, Forms, Charts, ScoredResults, Hosting) serve them.
builder.AddHosting();
builder.AddDatabase();       // EF Core on SQLite (a file under data/) or PostgreSQL, migrated as the app starts
// Fiscal years: surveys/ is checked now (an invalid file stops the start) and imported as published
// versions after the migrations; drafts are edited and published in the app.
try
{
    builder.AddSurveys();
}
catch (SurveyDefinitionException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("The app did not start. Fix the files above; 'validate' checks them without starting.");
    return 1;
}
builder.AddSecurity();       // cookie policies and antiforgery; headers and error pages are middleware below
builder.AddAccounts();
builder.AddAuditing();
builder.AddApi();
builder.AddAgencies();
builder.AddRounds();
builder.AddResponding();     // respondent pages: plain forms, submission keys, per-client rate limiting
builder.AddSharing();
builder.AddPublicIta();     // the agency's public ITA page: static HTML, per-client rate limiting
builder.AddOit();
builder.AddScoredResults();
builder.AddCharts();
builder.AddDashboards();
builder.AddTrends();
builder.AddReports();
builder.AddExports();

// Blazor: static server rendering for public pages, interactive server rendering for the admin side.
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();

if (dataVerb)
{
    await DatabaseSetup.MigrateAsync(app.Services);
    await app.Services.GetRequiredService<SurveyImport>().RunAsync();
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

app.MapSurveys();
app.MapHealth();
app.MapStaticAssets();
app.MapResponding();
app.MapSharing();
app.MapPublicIta();
app.MapAccounts();
app.MapAgencies();
app.MapRounds();
app.MapOit();
app.MapScoredResults();
app.MapDashboards();
app.MapTrends();
app.MapReports();
app.MapExports();
app.MapApi();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null); // our own policy says 'none'


await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
