using System.Security.Claims;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Forms;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.Reports;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Tests.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ItaSurvey.Web.Tests.Reports;

/// <summary>
/// The <see cref="AdminWorld"/> with a 2566 round whose OIT lacks O4 and all of 9.2 (O11–O18), so
/// that indicator 9 = (90 + 0 + 100 + 100 + 100) / 5 = 78 is urgent; helpers run the report
/// services, read the audit log, record the OIT and render components.
/// </summary>
public sealed class ReportWorld : IAsyncLifetime
{
    public static readonly string[] Missing = ["O4", "O11", "O12", "O13", "O14", "O15", "O16", "O17", "O18"];

    /// <summary>Evidence links that are not http(s) (issue 18, item 7).</summary>
    public static TheoryData<string> NotWebUrls => ["javascript:alert(1)", "JavaScript:alert(document.cookie)", " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"];

    private readonly AdminWorld _admin = new();

    public SurveyApp App => _admin.App;

    public TestRound Ours => _admin.Ours;

    public int OurAgencyId => _admin.OurAgencyId;

    public AssessmentRound Other => _admin.Other;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _admin.InitializeAsync();
        await RecordOitAsync(Missing);
    }

    public ValueTask DisposeAsync() => _admin.DisposeAsync();

    public Task<ClaimsPrincipal> PrincipalAsync(string role, params int[] agencyIds) => _admin.PrincipalAsync(role, agencyIds);

    public Task<HttpClient> BrowserAsync(string role) => _admin.BrowserAsync(role);

    /// <summary>Runs the service that drafts and saves reports, as a request or circuit would.</summary>
    public Task<T> Reports<T>(Func<ImprovementReports, Task<T>> use) => _admin.WithAsync(use);

    /// <summary>Runs the service that reads reports, as a request or circuit would.</summary>
    public Task<T> Views<T>(Func<ImprovementReportViews, Task<T>> use) => _admin.WithAsync(use);

    public async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        return await db.AuditEntries.AsNoTracking().ToListAsync(Cancel);
    }

    /// <summary>Every 2566 OIT item มี except the given ones, ไม่มี.</summary>
    public async Task RecordOitAsync(IReadOnlyCollection<string> missing)
    {
        var catalog = App.Services.GetRequiredService<ItaSurvey.Web.Surveys.SurveyLibrary>().Current;
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        await db.OitEvidence.Where(e => e.RoundId == Ours.Id).ExecuteDeleteAsync(Cancel);
        foreach (var item in catalog.Year(2566).Questionnaire("OIT").Questions)
        {
            db.OitEvidence.Add(new OitEvidence { RoundId = Ours.Id, ItemCode = item.Code, Present = !missing.Contains(item.Code) });
        }
        await db.SaveChangesAsync(Cancel);
    }

    /// <summary>A component rendered to HTML outside any page, with the app's services.</summary>
    public async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        using var scope = App.Services.CreateScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}

/// <summary>A report outcome read as the report page shows it, so that tests assert the words the user sees.</summary>
public static class ReportOutcomeWords
{
    extension<T>(ReportOutcome<T> outcome)
    {
        /// <summary>The page's messages for the failure (<see cref="ReportFailureText.Errors"/>); none when it succeeded.</summary>
        public FormErrors Errors => ReportFailureText.Errors(outcome.Failure);
    }
}
