using AngleSharp.Html.Parser;
using ItaSurvey.Core.Quality;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using ItaSurvey.Web.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Trends;

/// <summary>
/// The overview's column "ร้อยละคำตอบ EIT ที่มีสัญญาณ": from the score snapshots, sortable and
/// filtered, and under the k rule (nothing below k EIT responses, no count below k flagged).
/// </summary>
public class OverviewQualityTests : IAsyncLifetime
{
    private const string Province = "ประจวบคีรีขันธ์";

    private readonly TrendsWorld _world = new();

    private int _fewFlagged;
    private int _fewResponses;

    public async ValueTask InitializeAsync()
    {
        await _world.InitializeAsync();
        var admin = _world.App.Services.GetRequiredService<RoundAdmin>();
        var rounds = new List<int>();
        foreach (var name in new[] { "เทศบาลตำบลสัญญาณน้อย", "เทศบาลตำบลคำตอบน้อย" })
        {
            var agency = await admin.CreateAgencyAsync(new Agency { NameTh = name, Province = Province, AgencyGroup = "sao-m", StaffHeadcount = 40 });
            rounds.Add((await admin.CreateRoundAsync(agency.Id, 2566, new DateOnly(2023, 4, 1), new DateOnly(2023, 6, 30), IitMode.OpenLink)).Id);
            (_fewFlagged, _fewResponses) = _fewFlagged == 0 ? (agency.Id, 0) : (_fewFlagged, agency.Id);
        }
        // Ours: 30 varied answers and 10 straight-lined, too fast and identical (10 of 40 flagged, 25 %).
        await StoreEitAsync(_world.Ours.Id, honest: 30, crowd: 10);
        // 3 too fast of 23: fewer than k flagged, so no count or share.
        await StoreEitAsync(rounds[0], honest: 23, crowd: 0, tooFast: 3);
        // 4 EIT responses, all of them straight-lined: fewer than k responses, nothing at all.
        await StoreEitAsync(rounds[1], honest: 0, crowd: 4);
        await _world.App.Services.GetRequiredService<SnapshotRefresher>().RefreshStaleAsync(TrendsWorld.Cancel);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private async Task<OverviewResult> QueryAsync(OverviewQuery query)
    {
        var user = await _world.PrincipalAsync(Roles.SystemAdmin);
        return await _world.WithAsync<AgencyOverview, OverviewResult>(o => o.QueryAsync(user, query, TrendsWorld.Cancel));
    }

    [Fact]
    public async Task Each_collected_round_carries_its_flagged_eit_share_under_the_k_rule()
    {
        var view = await QueryAsync(new OverviewQuery(Province: Province));

        var byAgency = view.Rows.ToDictionary(r => r.AgencyId, r => r.EitFlagged);
        Assert.Equal(FlaggedShareState.Shown, byAgency[_world.OurAgencyId].State);
        Assert.Equal(0.25, byAgency[_world.OurAgencyId].Share!.Value, 9);
        Assert.Equal(new FlaggedShare(FlaggedShareState.FewFlagged, null), byAgency[_fewFlagged]);
        Assert.Equal(new FlaggedShare(FlaggedShareState.Withheld, null), byAgency[_fewResponses]);
    }

    [Fact]
    public async Task Sorting_by_the_share_puts_the_most_flagged_first_and_withheld_shares_last()
    {
        var highest = await QueryAsync(new OverviewQuery(Sort: "flagged", Descending: true));
        var lowest = await QueryAsync(new OverviewQuery(Sort: "flagged", Descending: false));

        Assert.Equal([_world.OurAgencyId, _fewFlagged], highest.Rows.Take(2).Select(r => r.AgencyId));
        Assert.Equal([_fewFlagged, _world.OurAgencyId], lowest.Rows.Take(2).Select(r => r.AgencyId));
        // Withheld and unknown shares go last either way, in name order, never by what they hide.
        Assert.All(highest.Rows.Skip(2), r => Assert.Null(r.EitFlagged.SortValue));
        Assert.All(lowest.Rows.Skip(2), r => Assert.Null(r.EitFlagged.SortValue));
    }

    [Fact]
    public async Task The_filter_keeps_only_shown_shares_at_or_above_the_chosen_percentage()
    {
        var twenty = await QueryAsync(new OverviewQuery(FlaggedAtLeast: 20));
        var thirty = await QueryAsync(new OverviewQuery(FlaggedAtLeast: 30));
        var nonsense = await QueryAsync(new OverviewQuery(FlaggedAtLeast: 1000));

        Assert.Equal(_world.OurAgencyId, Assert.Single(twenty.Rows).AgencyId);
        Assert.Empty(thirty.Rows);
        Assert.Null(nonsense.Query.FlaggedAtLeast);
        Assert.Equal(4, nonsense.Matching);
    }

    [Fact]
    public async Task The_page_shows_the_column_the_filter_and_the_withheld_words_and_keeps_them_in_links()
    {
        var browser = await _world.BrowserAsync(Roles.SystemAdmin);

        var html = await browser.GetStringAsync("/admin/overview?sort=flagged&desc=true", TrendsWorld.Cancel);
        var document = new HtmlParser().ParseDocument(html);
        var filtered = new HtmlParser().ParseDocument(await browser.GetStringAsync("/admin/overview?flagged=20", TrendsWorld.Cancel));

        Assert.Contains("ร้อยละคำตอบ EIT ที่มีสัญญาณ", document.QuerySelector("th[aria-sort=descending]")!.TextContent, StringComparison.Ordinal);
        var cells = document.QuerySelectorAll("table.overview tbody td[data-flagged]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["25.0%", "น้อยกว่า 5 คำตอบ"], cells.Take(2));
        Assert.Contains("ไม่เผยแพร่", cells);
        Assert.NotNull(document.QuerySelector("select[name=flagged] option[value='20']"));
        var row = Assert.Single(filtered.QuerySelectorAll("table.overview tbody tr"));
        Assert.Equal(TrendsWorld.OurName, row.QuerySelector("th a")!.TextContent);
        Assert.Contains("flagged=20", filtered.QuerySelector("th[aria-sort] a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    /// <summary>Varied answers, and a crowd of identical straight-lined, too-fast ones.</summary>
    private async Task StoreEitAsync(int roundId, int honest, int crowd, int tooFast = 0)
    {
        var form = _world.App.Services.GetRequiredService<SurveyLibrary>().LatestCompiled(2566, "EIT");
        var random = new Random(roundId);
        await using var db = await _world.Databases.CreateDbContextAsync(TrendsWorld.Cancel);
        for (var i = 0; i < honest + crowd; i++)
        {
            var straight = i >= honest;
            var levels = straight ? form.LevelCounts.Select(n => (byte)(n - 1)).ToArray() : form.LevelCounts.Select(n => (byte)random.Next(n)).ToArray();
            db.Responses.Add(new Response
            {
                RoundId = roundId, Instrument = "EIT", SubmittedOn = new DateOnly(2023, 5, 1 + (i % 20)), SubmissionKey = Guid.NewGuid(),
                FormVersion = form.Fingerprint, Answers = levels, RespondentGroup = "citizen",
                Signals = straight ? new AnswerPatterns(form).Of(levels) | ResponseSignal.TooFast : i < tooFast ? ResponseSignal.TooFast : ResponseSignal.None,
            });
        }
        await db.SaveChangesAsync(TrendsWorld.Cancel);
    }
}
