using System.Text.Encodings.Web;
using System.Text.Unicode;
using ItaSurvey.Core.Loading;
using Microsoft.AspNetCore.HttpOverrides;
using ItaSurvey.Web;
using ItaSurvey.Web.Components;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Surveys;

// Command-line verbs (validate, ...) run and exit without starting the server.
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

// Data: EF Core on SQLite (a file under data/), migrated as the app starts.
builder.AddDatabase();

// Respondent pages: plain forms, antiforgery, submission keys, per-client rate limiting.
builder.AddResponding();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<RoundAdmin>();

// Blazor: static server rendering for public pages, interactive server rendering for the admin side.
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
// Behind a reverse proxy on the same machine (only loopback proxies are trusted) the client
// address and scheme come from X-Forwarded-*; the rate limiter partitions by that address.
app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapResponding();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

if (dataVerb)
{
    await DatabaseSetup.MigrateAsync(app.Services);
    return await CommandLine.RunDataVerbAsync(app.Services, args, Console.Out, Console.Error);
}
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
