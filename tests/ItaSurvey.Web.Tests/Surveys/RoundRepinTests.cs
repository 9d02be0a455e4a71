using ItaSurvey.Core.Versions;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ItaSurvey.Web.Tests.Surveys.VersionWorld;

namespace ItaSurvey.Web.Tests.Surveys;

/// <summary>
/// Re-pinning a round to another published version of 2566: the real case of an agency that learns
/// the official points per answer level, publishes them as a new version and rescores its round.
/// </summary>
public sealed class RoundRepinTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private RoundVersions Service(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<RoundVersions>();

    [Fact]
    public async Task Repinning_to_a_version_with_other_points_rescores_the_round_drops_its_snapshot_and_is_audited()
    {
        var round = await _app.CreateRoundAsync();
        var first = (await _app.PinnedVersionAsync(round.Id))!.Value;
        await _app.AddEitResponsesAsync(round.Id, 10, level: 1); // A4 level 2 of 4: 100/3 points in the built-in version
        var official = await _app.PublishPointsAsync(first, 50);
        await _app.Services.GetRequiredService<SnapshotRefresher>().RefreshAsync(round.Id, Cancel);
        using var scope = _app.Services.CreateScope();
        var versions = Service(scope);

        var pin = (await versions.FindAsync(SystemAdmin, round.Id, Cancel))!;
        Assert.Equal(first, pin.Current.Id);
        Assert.Equal([official], pin.Others.Select(v => v.Id));
        var preview = (await versions.PreviewAsync(pin, official, Cancel))!;
        Assert.True(preview.Layout.IsCompatible);
        var eit = preview.Scores!.Instruments.Single(l => l.Code == "EIT");
        Assert.True(eit.After > eit.Before + 5, $"EIT {eit.Before} → {eit.After}: level 2 of A4 now scores 50 instead of 33.33");
        Assert.True(eit.Difference > 0);
        Assert.Contains(preview.Scores.Indicators, l => l.Changed);

        var outcome = await versions.RepinAsync(SystemAdmin, round.Id, official, first, Cancel);

        Assert.True(outcome.Succeeded, outcome.Failure?.Message.En);
        Assert.Equal(official, await _app.PinnedVersionAsync(round.Id));
        var now = (await _app.Services.GetRequiredService<RoundResults>().ForRoundAsync(round.Id, Cancel))!;
        Assert.Equal(eit.After, now.Assessment.Instrument("EIT").Score);
        Assert.Equal(0, now.SkippedResponses);
        await using var db = await _app.Db();
        Assert.False(await db.RoundScoreSnapshots.AnyAsync(s => s.RoundId == round.Id, Cancel));
        var audit = Assert.Single(await _app.AuditDetailsAsync("round-repinned"));
        Assert.Contains($"from version 1 (id {first}) to version 2 (id {official})", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repinning_to_another_answer_layout_is_refused_with_the_reason_and_changes_nothing()
    {
        var round = await _app.CreateRoundAsync();
        var first = (await _app.PinnedVersionAsync(round.Id))!.Value;
        await _app.AddEitResponsesAsync(round.Id, 10, level: 1);
        var shorter = await _app.PublishWithoutE2Async(first);
        await _app.Services.GetRequiredService<SnapshotRefresher>().RefreshAsync(round.Id, Cancel);
        using var scope = _app.Services.CreateScope();

        var preview = (await Service(scope).PreviewAsync((await Service(scope).FindAsync(SystemAdmin, round.Id, Cancel))!, shorter, Cancel))!;
        var outcome = await Service(scope).RepinAsync(SystemAdmin, round.Id, shorter, first, Cancel);

        Assert.False(preview.Layout.IsCompatible);
        Assert.Null(preview.Scores);
        Assert.Equal(VersionFailureKind.Incompatible, outcome.Failure!.Kind);
        var reason = Assert.Single(outcome.Reasons);
        Assert.Equal(LayoutProblem.FieldRemoved, reason.Problem);
        Assert.Contains("E2", reason.Message.Th, StringComparison.Ordinal);
        Assert.Contains("E2", outcome.Failure.Message.Th, StringComparison.Ordinal);
        Assert.Equal(first, await _app.PinnedVersionAsync(round.Id));
        await using var db = await _app.Db();
        Assert.True(await db.RoundScoreSnapshots.AnyAsync(s => s.RoundId == round.Id, Cancel));
        Assert.Empty(await _app.AuditDetailsAsync("round-repinned"));
    }

    [Fact]
    public async Task A_repin_made_meanwhile_refuses_the_second_one()
    {
        var round = await _app.CreateRoundAsync();
        var first = (await _app.PinnedVersionAsync(round.Id))!.Value;
        var second = await _app.PublishPointsAsync(first, 50);
        var third = await _app.PublishPointsAsync(first, 40);
        using var scope = _app.Services.CreateScope();

        Assert.True((await Service(scope).RepinAsync(SystemAdmin, round.Id, second, first, Cancel)).Succeeded);
        var late = await Service(scope).RepinAsync(SystemAdmin, round.Id, third, first, Cancel);

        Assert.Equal(VersionFailureKind.Stale, late.Failure!.Kind);
        Assert.Contains("2566 ฉบับที่ 2", late.Failure.Message.Th, StringComparison.Ordinal);
        Assert.Equal(second, await _app.PinnedVersionAsync(round.Id));
        Assert.Single(await _app.AuditDetailsAsync("round-repinned"));
    }

    [Fact]
    public async Task Viewers_may_not_repin_and_other_agencies_do_not_see_the_round()
    {
        var round = await _app.CreateRoundAsync();
        var first = (await _app.PinnedVersionAsync(round.Id))!.Value;
        var second = await _app.PublishPointsAsync(first, 50);
        var (viewer, _) = await _app.CreateUserAsync(Roles.Viewer, round.AgencyId);
        var (stranger, _) = await _app.CreateUserAsync(Roles.AgencyAdmin);
        using var scope = _app.Services.CreateScope();
        var viewerPrincipal = await PrincipalAsync(viewer);

        var denied = await Service(scope).RepinAsync(viewerPrincipal, round.Id, second, first, Cancel);
        var hidden = await Service(scope).RepinAsync(await PrincipalAsync(stranger), round.Id, second, first, Cancel);

        Assert.False((await Service(scope).FindAsync(viewerPrincipal, round.Id, Cancel))!.CanEdit);
        Assert.Equal(VersionFailureKind.Denied, denied.Failure!.Kind);
        Assert.Equal(VersionFailureKind.NotFound, hidden.Failure!.Kind);
        Assert.Equal(first, await _app.PinnedVersionAsync(round.Id));
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string email)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<AppUser>>();
        return await factory.CreateAsync((await users.FindByEmailAsync(email))!);
    }
}
