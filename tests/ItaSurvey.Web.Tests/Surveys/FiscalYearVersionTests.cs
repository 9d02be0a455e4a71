using System.Text.Json.Nodes;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ItaSurvey.Web.Tests.Surveys.VersionWorld;

namespace ItaSurvey.Web.Tests.Surveys;

/// <summary>Fiscal years as versions: the built-in library, pinning, drafts, publishing, other instances.</summary>
public class FiscalYearVersionTests
{
    [Fact]
    public async Task Each_year_of_surveys_is_published_once_however_often_the_app_starts()
    {
        await using var first = new SurveyApp();
        var stored = await first.StoredVersionsAsync();
        Assert.Equal([2564, 2565, 2566, 2567, 2568], stored.Select(v => v.FiscalYear).Order().ToArray());
        Assert.All(stored, v => Assert.Equal((SurveyVersionStatus.Published, 1, "library"), (v.Status, v.Number, v.Origin)));
        Assert.All(stored, v => Assert.Equal(["eit.json", "iit.json", "model.json", "oit.json"], v.Files.Select(f => f.Name).Order()));

        await using (var second = SurveyApp.SharingDatabaseOf(first))
        {
            _ = second.Services; // a restart, or another instance starting: same content, nothing new
            Assert.Equal(stored.Select(v => (v.Id, v.ContentHash)), (await second.StoredVersionsAsync()).Select(v => (v.Id, v.ContentHash)));
        }
        Assert.True(first.Library().LatestOf(2568)!.Provisional);
        Assert.Equal(2568, first.Library().Current.Years.Max(y => y.FiscalYear));
    }

    [Fact]
    public async Task A_round_keeps_the_version_it_was_opened_with_and_is_scored_by_it_whatever_is_published_later()
    {
        await using var app = new SurveyApp();
        var old = await app.CreateRoundAsync(agencyName: "เทศบาลตำบลเก่า");
        var v1 = app.Library().LatestOf(2566)!.Id;
        Assert.Equal(v1, await app.PinnedVersionAsync(old.Id));
        await app.AddEitResponsesAsync(old.Id, 10, 2); // the third of four levels (200/3 points under version 1), มี on yes/no items
        var before = (await app.Services.GetRequiredService<RoundResults>().ForRoundAsync(old.Id, Cancel))!;

        // Version 2 of 2566 gives the third level 50 points instead of 200/3.
        var draft = await app.DraftOfAsync(2566);
        var v2 = await app.PublishAsync(draft, Changed(draft, "model.json", model => ThirdLevel(model).AsObject()["points"] = 50));
        Assert.Equal(v2, app.Library().LatestOf(2566)!.Id);

        var after = (await app.Services.GetRequiredService<RoundResults>().ForRoundAsync(old.Id, Cancel))!;
        Assert.Equal(v1, await app.PinnedVersionAsync(old.Id));
        Assert.Equal(before.Assessment.Total, after.Assessment.Total);
        var eitBefore = before.Assessment.Instruments.Single(i => i.Code == "EIT").Score!.Value;
        Assert.Equal(eitBefore, after.Assessment.Instruments.Single(i => i.Code == "EIT").Score!.Value);

        // A round opened now is pinned to version 2 and scored by its points.
        var fresh = await app.CreateRoundAsync(agencyName: "เทศบาลตำบลใหม่");
        Assert.Equal(v2, await app.PinnedVersionAsync(fresh.Id));
        await app.AddEitResponsesAsync(fresh.Id, 10, 2);
        var scored = (await app.Services.GetRequiredService<RoundResults>().ForRoundAsync(fresh.Id, Cancel))!;
        var eitUnderV2 = scored.Assessment.Instruments.Single(i => i.Code == "EIT").Score!.Value;
        Assert.True(eitUnderV2 < eitBefore - 1, $"{eitUnderV2} under version 2, {eitBefore} under version 1");

        // The old round scored under version 2 (what a re-pin would give) moves the same way.
        var under = (await app.Services.GetRequiredService<RoundResults>().ScoreUnderAsync(old.Id, app.Library().Version(v2).Year, Cancel))!;
        Assert.Equal(eitUnderV2, under.Result.Assessment.Instruments.Single(i => i.Code == "EIT").Score!.Value, 9);
    }

    [Fact]
    public async Task Rounds_from_before_versions_existed_are_pinned_to_their_years_files_at_the_next_start()
    {
        await using var first = new SurveyApp();
        var round = await first.CreateRoundAsync();
        await using (var db = await first.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel))
        {
            await db.Rounds.ExecuteUpdateAsync(s => s.SetProperty(r => r.SurveyVersionId, (int?)null), Cancel); // as the migration leaves them
        }
        await using var restarted = SurveyApp.SharingDatabaseOf(first);
        _ = restarted.Services;
        Assert.Equal(restarted.Library().LatestOf(2566)!.Id, await restarted.PinnedVersionAsync(round.Id));
    }

    [Fact]
    public async Task A_draft_saved_by_someone_else_meanwhile_is_not_overwritten_and_the_message_says_who()
    {
        await using var app = new SurveyApp();
        var draft = await app.DraftOfAsync(2566, toYear: 2570);
        Assert.Equal(2570, draft.Version.FiscalYear);
        Assert.True(draft.Check.IsValid, string.Join("\n", draft.Check.Problems));
        var other = User("other@example.go.th", ItaSurvey.Web.Accounts.Roles.SystemAdmin);
        var mine = Changed(draft, "iit.json", q => q["questions"]![0]!["text"]!["th"] = "ข้อความของฉัน");
        var theirs = Changed(draft, "iit.json", q => q["questions"]![0]!["text"]!["th"] = "ข้อความของอีกคน");

        var saved = await app.Versions().SaveAsync(other, draft.Version.Id, draft.Version.Revision, theirs, Cancel);
        Assert.True(saved.Succeeded);
        var refused = await app.Versions().SaveAsync(SystemAdmin, draft.Version.Id, draft.Version.Revision, mine, Cancel);

        Assert.Equal(VersionFailureKind.Stale, refused.Failure!.Kind);
        Assert.Contains("other@example.go.th", refused.Failure.Message.Th, StringComparison.Ordinal);
        var stored = (await app.Versions().GetAsync(draft.Version.Id, Cancel))!;
        Assert.Contains("ข้อความของอีกคน", stored.Files.File("iit.json")!.Text, StringComparison.Ordinal);
        Assert.Equal(saved.Value, stored.Version.Revision);
    }

    [Fact]
    public async Task A_published_version_never_changes_through_the_service_or_the_database_context()
    {
        await using var app = new SurveyApp();
        var published = (await app.StoredVersionsAsync()).Single(v => v.FiscalYear == 2566);
        var files = published.Files.ToDictionary(f => f.Name, f => f.Text.Replace("การใช้อำนาจ", "อำนาจ", StringComparison.Ordinal));

        var refused = await app.Versions().SaveAsync(SystemAdmin, published.Id, published.Revision, files, Cancel);
        Assert.Equal(VersionFailureKind.Published, refused.Failure!.Kind);
        Assert.Equal(VersionFailureKind.Published, (await app.Versions().PublishAsync(SystemAdmin, published.Id, published.Revision, Cancel)).Failure!.Kind);
        Assert.Equal(VersionFailureKind.Published, (await app.Versions().DeleteDraftAsync(SystemAdmin, published.Id, Cancel)).Failure!.Kind);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        var file = await db.SurveyVersionFiles.FirstAsync(f => f.VersionId == published.Id, Cancel);
        file.Text = "{}";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancel));
        Assert.Equal(published.Files.Select(f => f.Text), (await app.StoredVersionsAsync()).Single(v => v.Id == published.Id).Files.Select(f => f.Text));
    }

    [Fact]
    public async Task A_draft_with_problems_cannot_be_published_and_every_problem_is_named_in_Thai()
    {
        await using var app = new SurveyApp();
        var draft = await app.DraftOfAsync(2566, toYear: 2570);
        var broken = Changed(draft, "model.json", model => model["instruments"]![0]!["weight"] = 0.5);
        broken = Changed(draft with { Files = new(2570, broken.Select(f => Core.Loading.YearFile.Stored(2570, f.Key, f.Value)).ToList()) }, "iit.json",
            q => q["questions"]![0]!["indicator"] = "42");
        var saved = await app.Versions().SaveAsync(SystemAdmin, draft.Version.Id, draft.Version.Revision, broken, Cancel);
        Assert.True(saved.Succeeded); // a draft may hold problems while it is edited

        var refused = await app.Versions().PublishAsync(SystemAdmin, draft.Version.Id, saved.Value, Cancel);
        Assert.Equal(VersionFailureKind.Invalid, refused.Failure!.Kind);
        Assert.Contains(refused.Failure.Problems, p => p.File == "2570/model.json" && p.JsonPath == "$.instruments" && p.Line > 0);
        Assert.Contains(refused.Failure.Problems, p => p.File == "2570/iit.json" && p.JsonPath.EndsWith(".indicator", StringComparison.Ordinal));
        Assert.All(refused.Failure.Problems, p => Assert.Matches("[ก-๙]", p.Thai!));
        Assert.Equal(SurveyVersionStatus.Draft, (await app.Versions().GetAsync(draft.Version.Id, Cancel))!.Version.Status);
        Assert.Null(app.Library().LatestOf(2570));
    }

    [Fact]
    public async Task Another_instance_opens_rounds_with_a_version_published_on_the_first_without_a_restart()
    {
        await using var first = new SurveyApp();
        await using var second = SurveyApp.SharingDatabaseOf(first);
        _ = second.Services;
        var draft = await first.DraftOfAsync(2566, toYear: 2570);
        var published = await first.PublishAsync(draft, draft.Files.Files.ToDictionary(f => f.Name, f => f.Text));

        Assert.Null(second.Library().LatestOf(2570)); // not yet asked
        second.Clock.Advance(TimeSpan.FromSeconds(2));
        using var browser = second.NewBrowser();
        await browser.GetAsync("/health/live", Cancel); // any request looks for new versions (at most once a second)
        Assert.Equal(published, second.Library().LatestOf(2570)?.Id);
    }

    private static JsonNode ThirdLevel(JsonNode model) =>
        model["scales"]!.AsArray().Single(s => (string?)s!["code"] == "A4")!["levels"]![2]!;
}
