using System.Text;
using System.Text.Json;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Attacks;

/// <summary>
/// Two agencies, A and B, each with a round, responses, OIT evidence and an improvement report,
/// and users of each role. B's name, its administrator's address and token name carry a marker
/// that no answer to a user of A may contain.
/// </summary>
public sealed class AttackWorld : IAsyncLifetime
{
    public const string Marker = "ลับเฉพาะบี";

    private readonly SurveyApp _app = new() { SubmissionsPerMinute = 100_000 };
    private readonly DeferredSkip _setUp = new();
    private TestRound? _a, _b;
    private ApiUser? _systemAdmin, _adminOfA, _viewerOfA, _adminOfB;

    public SurveyApp App => _setUp.Ready(_app);

    public TestRound A => _setUp.Ready(_a!);

    public TestRound B => _setUp.Ready(_b!);

    public ApiUser SystemAdmin => _setUp.Ready(_systemAdmin!);

    public ApiUser AdminOfA => _setUp.Ready(_adminOfA!);

    public ApiUser ViewerOfA => _setUp.Ready(_viewerOfA!);

    public ApiUser AdminOfB => _setUp.Ready(_adminOfB!);

    public ValueTask InitializeAsync() => _setUp.RunAsync(SetUpAsync);

    private async Task SetUpAsync()
    {
        var a = _a = await _app.CreateRoundAsync(agencyName: "เทศบาลตำบลเอ");
        var b = _b = await _app.CreateRoundAsync(agencyName: "เทศบาลตำบล" + Marker);
        var systemAdmin = _systemAdmin = await _app.ApiUserAsync(Roles.SystemAdmin);
        _adminOfA = await _app.ApiUserAsync(Roles.AgencyAdmin, a.AgencyId);
        _viewerOfA = await _app.ApiUserAsync(Roles.Viewer, a.AgencyId);
        _adminOfB = await _app.ApiUserAsync(Roles.AgencyAdmin, b.AgencyId);
        foreach (var round in new[] { a, b })
        {
            await _app.AccessCodesAsync(round.Id, 3);
            var report = await systemAdmin.Client.PostAsync($"/api/v1/rounds/{round.Id}/report", null, TestContext.Current.CancellationToken);
            _ = report; // where the API can draft a report, both rounds have one
        }
    }

    public async ValueTask DisposeAsync()
    {
        AttackLedger.Write();
        await _app.DisposeAsync();
    }

    /// <summary>Everything an attempt could change, as one string: agencies, rounds, codes, evidence, reports, users, tokens.</summary>
    public async Task<string> FingerprintAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var text = new StringBuilder();
        void Add<T>(IEnumerable<T> rows) => text.AppendLine(JsonSerializer.Serialize(rows));
        Add(await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.NameTh, a.NameEn, a.Province, a.AgencyGroup, a.StaffHeadcount }).ToListAsync());
        Add(await db.Rounds.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.AgencyId, r.FiscalYear, r.OpensOn, r.ClosesOn, r.IitMode }).ToListAsync());
        Add(await db.AccessCodes.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Code, c.Used }).ToListAsync());
        Add(await db.OitEvidence.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Present, e.Explanation }).ToListAsync());
        Add(await db.OitEvidenceUrls.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Url }).ToListAsync());
        Add(await db.ImprovementReports.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Version }).ToListAsync());
        Add(await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Email, u.SecurityStamp, u.LockoutEnd }).ToListAsync());
        Add(await db.UserRoles.AsNoTracking().OrderBy(r => r.UserId).ThenBy(r => r.RoleId).ToListAsync());
        Add(await db.AgencyAssignments.AsNoTracking().OrderBy(a => a.UserId).ThenBy(a => a.AgencyId).Select(a => new { a.UserId, a.AgencyId }).ToListAsync());
        Add(await db.ApiTokens.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.RevokedAt }).ToListAsync());
        Add(await db.Responses.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        return text.ToString();
    }
}
