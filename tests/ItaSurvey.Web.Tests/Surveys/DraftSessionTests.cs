using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Surveys;
using ItaSurvey.Web.Surveys.Editing;
using ItaSurvey.Web.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Surveys;

/// <summary>Autosave of a draft against the revision it was loaded at: saved, refused when stale (never overwriting), published.</summary>
public class DraftSessionTests : IAsyncLifetime
{
    private readonly AdminWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private SurveyVersions Versions => _world.App.Services.GetRequiredService<SurveyVersions>();

    private async Task<int> DraftAsync(System.Security.Claims.ClaimsPrincipal admin, int toYear = 2570)
    {
        var from = (await Versions.ListAsync(Cancel)).Single(v => v.FiscalYear == 2566 && v.Newest);
        return (await Versions.CopyAsync(admin, from.Id, toYear, Cancel)).Value;
    }

    private async Task<DraftSession> OpenAsync(System.Security.Claims.ClaimsPrincipal admin, int id) =>
        new(Versions, admin, (await Versions.GetAsync(id, Cancel))!);

    [Fact]
    public async Task A_change_is_saved_with_a_new_revision_and_nothing_is_sent_when_nothing_changed()
    {
        var admin = await _world.PrincipalAsync(Roles.SystemAdmin);
        var id = await DraftAsync(admin);
        var session = await OpenAsync(admin, id);
        var loaded = session.Revision;

        Assert.True(await session.SaveAsync(Cancel)); // nothing to save
        Assert.Equal(loaded, session.Revision);
        session.Draft.SetTyped("iit.json", "$.questions[0].text.th", "ข้อความที่แก้ไขแล้ว", optional: false);
        Assert.True(session.Dirty);

        Assert.True(await session.SaveAsync(Cancel));

        Assert.False(session.Dirty);
        Assert.Equal(loaded + 1, session.Revision);
        Assert.NotNull(session.SavedAt);
        var stored = await Versions.GetAsync(id, Cancel);
        Assert.Contains("ข้อความที่แก้ไขแล้ว", stored!.Files.File("iit.json")!.Text, StringComparison.Ordinal);
        Assert.Equal(session.Revision, stored.Version.Revision);
    }

    [Fact]
    public async Task When_another_admin_saved_meanwhile_the_save_is_refused_with_who_and_when_and_autosave_stops()
    {
        var first = await _world.PrincipalAsync(Roles.SystemAdmin);
        var second = await _world.PrincipalAsync(Roles.SystemAdmin);
        var id = await DraftAsync(first);
        var mine = await OpenAsync(first, id);
        var theirs = await OpenAsync(second, id);

        theirs.Draft.SetTyped("model.json", "$.name.th", "ชื่อที่อีกคนแก้", optional: false);
        Assert.True(await theirs.SaveAsync(Cancel));
        mine.Draft.SetTyped("model.json", "$.name.th", "ชื่อของฉัน", optional: false);

        Assert.False(await mine.SaveAsync(Cancel));

        Assert.Equal(VersionFailureKind.Stale, mine.Stopped!.Kind);
        Assert.Contains(second.Identity!.Name!, mine.Stopped.Message.Th, StringComparison.Ordinal);
        Assert.Contains("โหลดฉบับล่าสุด", mine.Stopped.Message.Th, StringComparison.Ordinal);
        var stored = (await Versions.GetAsync(id, Cancel))!;
        Assert.Contains("ชื่อที่อีกคนแก้", stored.Files.File("model.json")!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ชื่อของฉัน", stored.Files.File("model.json")!.Text, StringComparison.Ordinal);

        mine.Draft.SetTyped("model.json", "$.name.th", "อีกครั้ง", optional: false);
        Assert.False(await mine.SaveAsync(Cancel)); // stopped: no further attempt until the page loads again
        Assert.Equal(theirs.Revision, (await Versions.GetAsync(id, Cancel))!.Version.Revision);
    }

    [Fact]
    public async Task A_draft_with_problems_is_saved_but_not_published_and_publishes_once_fixed()
    {
        var admin = await _world.PrincipalAsync(Roles.SystemAdmin);
        var id = await DraftAsync(admin);
        var session = await OpenAsync(admin, id);
        session.Draft.SetTyped("model.json", "$.instruments[0].weight", "0.6", optional: false);

        var refused = await session.PublishAsync(Cancel);

        Assert.Equal(VersionFailureKind.Invalid, refused.Failure!.Kind);
        Assert.Contains(refused.Failure.Problems, p => p.JsonPath == "$.instruments");
        Assert.False(session.Dirty); // the change itself was saved

        session.Draft.SetTyped("model.json", "$.instruments[0].weight", "0.3", optional: false);
        var published = await session.PublishAsync(Cancel);

        Assert.True(published.Succeeded);
        var detail = (await Versions.GetAsync(id, Cancel))!;
        Assert.False(detail.IsDraft);

        session.Draft.SetTyped("model.json", "$.name.th", "แก้หลังเผยแพร่", optional: false);
        Assert.False(await session.SaveAsync(Cancel)); // a published version never changes
        Assert.Equal(VersionFailureKind.Published, session.Stopped!.Kind);
        Assert.DoesNotContain("แก้หลังเผยแพร่", (await Versions.GetAsync(id, Cancel))!.Files.File("model.json")!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_system_admin_may_save()
    {
        var admin = await _world.PrincipalAsync(Roles.SystemAdmin);
        var agencyAdmin = await _world.PrincipalAsync(Roles.AgencyAdmin, _world.OurAgencyId);
        var id = await DraftAsync(admin);
        var session = await OpenAsync(agencyAdmin, id);
        session.Draft.SetTyped("model.json", "$.name.th", "ไม่ควรบันทึก", optional: false);

        Assert.False(await session.SaveAsync(Cancel));

        Assert.Equal(VersionFailureKind.Denied, session.Stopped!.Kind);
    }
}
