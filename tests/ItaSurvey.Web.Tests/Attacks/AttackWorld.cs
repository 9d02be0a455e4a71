using System.Text.Json;
using System.Text;
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

    public SurveyApp App { get; } = new() { SubmissionsPerMinute = 100_000 };

    public TestRound A { get; private set; } = null!;

    public TestRound B { get; private set; } = null!;

    public ApiUser SystemAdmin { get; private set; } = null!;

    public ApiUser AdminOfA { get; private set; } = null!;

    public ApiUser ViewerOfA { get; private set; } = null!;

    public ApiUser AdminOfB { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        A = await App.CreateRoundAsync(agencyName: "เทศบาลตำบลเอ");
        B = await App.CreateRoundAsync(agencyName: "เทศบาลตำบล" + Marker);
        SystemAdmin = await App.ApiUserAsync(Roles.SystemAdmin);
        AdminOfA = await App.ApiUserAsync(Roles.AgencyAdmin, A.AgencyId);
        ViewerOfA = await App.ApiUserAsync(Roles.Viewer, A.AgencyId);
        AdminOfB = await App.ApiUserAsync(Roles.AgencyAdmin, B.AgencyId);
        foreach (var round in new[] { A, B })
        {
            await App.AccessCodesAsync(round.Id, 3);
            var report = await SystemAdmin.Client.PostAsync($"/api/v1/rounds/{round.Id}/report", null, TestContext.Current.CancellationToken);
            _ = report; // where the API can draft a report, both rounds have one
        }
    }

    public async ValueTask DisposeAsync()
    {
        AttackLedger.Write();
        await App.DisposeAsync();
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
