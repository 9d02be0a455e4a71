using ItaSurvey.Core.Evidence;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Oit;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Tests.Admin;

/// <summary>The OIT page's "ตรวจหลักฐานตอนนี้": only those who may change the round make the server read its links.</summary>
public sealed class OitCheckNowTests : IAsyncLifetime
{
    private readonly AdminWorld _world = new();

    // A private address: with the production setting the check refuses it at once, without a connection.
    private const string Url = "http://10.20.30.40/ita/o1.html";

    public async ValueTask InitializeAsync()
    {
        await _world.InitializeAsync();
        await using var db = await _world.Databases.CreateDbContextAsync(AdminWorld.Cancel);
        db.OitEvidence.Add(new OitEvidence { RoundId = _world.Ours.Id, ItemCode = "O1", Present = true, Urls = [new OitEvidenceUrl { Url = Url }] });
        await db.SaveChangesAsync(AdminWorld.Cancel);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private async Task<OitEvidenceUrl> StoredAsync()
    {
        await using var db = await _world.Databases.CreateDbContextAsync(AdminWorld.Cancel);
        return await db.OitEvidenceUrls.AsNoTracking().SingleAsync(AdminWorld.Cancel);
    }

    [Fact]
    public async Task A_viewer_and_another_agencys_administrator_check_nothing()
    {
        var viewer = await _world.PrincipalAsync(Roles.Viewer, _world.OurAgencyId);
        var stranger = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OtherAgencyId);

        Assert.Null(await _world.WithAsync<OitChecklist, int?>(c => c.CheckNowAsync(viewer, _world.Ours.Id)));
        Assert.Null(await _world.WithAsync<OitChecklist, int?>(c => c.CheckNowAsync(stranger, _world.Ours.Id)));
        Assert.Null((await StoredAsync()).LastCheckedAt);
    }

    [Fact]
    public async Task The_agencys_administrator_has_every_link_of_the_round_read_and_judged_at_once()
    {
        var admin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);

        Assert.Equal(1, await _world.WithAsync<OitChecklist, int?>(c => c.CheckNowAsync(admin, _world.Ours.Id)));

        var stored = await StoredAsync();
        Assert.NotNull(stored.LastCheckedAt);
        Assert.Equal((EvidenceVerdict.Broken, EvidenceFinding.Unreachable), (stored.Verdict, stored.VerdictFinding));
        Assert.Equal("blocked: not a public internet address", stored.LastError);
    }
}
