using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.Rounds;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Oit;

/// <summary>The real app with link-check settings for tests: loopback allowed, short timeout, and the background pass off unless asked for.</summary>
public sealed class LinkCheckApp : IAsyncDisposable
{
    private readonly SurveyApp _app = new();

    public LinkCheckApp(bool background = false, string timeout = "00:00:02", bool allowPrivateNetworks = true, int parallelism = 4)
    {
        Factory = _app.WithWebHostBuilder(builder =>
        {
            // Production behaviour everywhere else; only this environment may reach the loopback site.
            builder.UseEnvironment(LinkCheckOptions.TestingEnvironment);
            builder.UseSetting("Oit:LinkCheck:Enabled", background ? "true" : "false");
            builder.UseSetting("Oit:LinkCheck:StartDelay", "00:00:00");
            builder.UseSetting("Oit:LinkCheck:Timeout", timeout);
            builder.UseSetting("Oit:LinkCheck:AllowPrivateNetworks", allowPrivateNetworks ? "true" : "false");
            builder.UseSetting("Oit:LinkCheck:Parallelism", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
    }

    public WebApplicationFactory<Program> Factory { get; }

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _app.Clock;

    public OitLinkChecker Checker => Factory.Services.GetRequiredService<OitLinkChecker>();

    /// <summary>A round whose OIT item O1 gives these URLs; returns the round id.</summary>
    public async Task<int> RoundWithUrlsAsync(params string[] urls)
    {
        var admin = Factory.Services.GetRequiredService<RoundAdmin>();
        var agency = await admin.CreateAgencyAsync(new Agency
        {
            NameTh = "เทศบาลทดสอบ " + Guid.NewGuid().ToString("N")[..6], Province = "ตราด", AgencyGroup = "tambon-municipality-s", StaffHeadcount = 40,
        });
        var round = await admin.CreateRoundAsync(agency.Id, 2566, new DateOnly(2023, 4, 1), new DateOnly(2023, 6, 30), IitMode.OpenLink);
        await using var db = await NewDbAsync();
        db.OitEvidence.Add(new OitEvidence { RoundId = round.Id, ItemCode = "O1", Present = true, Urls = [.. urls.Select(u => new OitEvidenceUrl { Url = u })] });
        await db.SaveChangesAsync();
        return round.Id;
    }

    /// <summary>Every stored URL with its last check, by URL.</summary>
    public async Task<Dictionary<string, OitEvidenceUrl>> UrlsAsync()
    {
        await using var db = await NewDbAsync();
        return await db.OitEvidenceUrls.AsNoTracking().ToDictionaryAsync(u => u.Url);
    }

    public async Task<ItaDbContext> NewDbAsync() =>
        await Factory.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
