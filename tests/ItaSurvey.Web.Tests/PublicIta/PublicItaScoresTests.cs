using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Forms;
using ItaSurvey.Web.PublicIta;
using ItaSurvey.Web.ScoredResults;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.PublicIta;

public sealed class PublicItaScoresTests : IAsyncLifetime
{
    private readonly PublicItaWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scores_cannot_be_published_while_the_round_is_open_and_nothing_of_the_answers_shows_on_the_page()
    {
        await _world.StoreResponsesAsync("IIT", 12);
        await _world.StoreResponsesAsync("EIT", 12);
        var admin = await _world.AdminAsync();

        var refused = await _world.WithAsync<PublicItaAdmin, Outcome<PublicItaSettings>>(a => a.SetAsync(admin, _world.Ours.Id, true, true, Cancel));
        var (_, page) = await _world.GetAsync(await _world.PathAsync());

        Assert.Equal(Refusal.Invalid, refused.Refusal);
        Assert.Equal("เผยแพร่คะแนนได้เมื่อรอบการประเมินสิ้นสุดแล้วเท่านั้น", refused.Errors["PublicScores"]);
        Assert.Null(page.QuerySelector(".ita-scores"));
        var text = page.Body!.TextContent;
        foreach (var question in _world.Year2566.Questionnaire("IIT").Questions.Concat(_world.Year2566.Questionnaire("EIT").Questions))
        {
            Assert.DoesNotContain(question.Text.Th, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("คะแนน", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finished_rounds_scores_show_only_when_published_and_equal_the_rounds_own_scores()
    {
        await _world.StoreResponsesAsync("IIT", 12);
        await _world.StoreResponsesAsync("EIT", 12);
        await _world.RecordAsync(("O1", true, [("https://www.khlongwan.example/o1", null)]), ("O2", false, []));
        _world.App.CloseRounds();
        var path = await _world.PathAsync();

        Assert.Null((await _world.GetAsync(path)).Page.QuerySelector(".ita-scores"));

        await _world.SetAsync(true, scores: true);
        var (_, page) = await _world.GetAsync(path);

        var result = (await _world.App.Services.GetRequiredService<RoundResults>().ForRoundAsync(_world.Ours.Id, Cancel))!.Assessment;
        var scores = page.QuerySelector(".ita-scores")!;
        Assert.Equal(ScoreRounding.Display(result.Total), scores.QuerySelector(".ita-total strong")!.TextContent);
        Assert.Equal(result.Rating?.Name.Th, scores.QuerySelector(".ita-rating")?.TextContent);
        var rows = scores.QuerySelectorAll("tbody tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)).ToList();
        Assert.Equal(3 + 10, rows.Count);
        foreach (var indicator in result.Indicators)
        {
            Assert.Contains(rows, r => r.Item1.StartsWith($"ตัวชี้วัดที่ {indicator.Code} ", StringComparison.Ordinal) && r.Item2 == ScoreRounding.Display(indicator.Score));
        }
        Assert.DoesNotContain("ไม่เผยแพร่", scores.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instrument_with_fewer_than_k_responses_is_withheld_with_its_indicators_and_the_total()
    {
        await _world.StoreResponsesAsync("IIT", 4);
        await _world.StoreResponsesAsync("EIT", 12);
        _world.App.CloseRounds();
        await _world.SetAsync(true, scores: true);

        var (_, page) = await _world.GetAsync((await _world.SetAsync(true, scores: true)).Path!);

        var scores = page.QuerySelector(".ita-scores")!;
        Assert.Equal("–", scores.QuerySelector(".ita-total strong")!.TextContent);
        Assert.Null(scores.QuerySelector(".ita-rating"));
        var rows = scores.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Split(' ')[0] == "ตัวชี้วัดที่"
            ? r.QuerySelector("th")!.TextContent.Split(' ')[1] : r.QuerySelector("th")!.TextContent.Split(' ')[0], r => r.QuerySelector("td")!.TextContent);
        Assert.Equal("ไม่เผยแพร่", rows["IIT"]);
        foreach (var code in new[] { "1", "2", "3", "4", "5" })
        {
            Assert.Equal("ไม่เผยแพร่", rows[code]); // the IIT indicators
        }
        Assert.NotEqual("ไม่เผยแพร่", rows["EIT"]);
        Assert.Contains("น้อยกว่า 5 คน", scores.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_the_page_withdraws_the_scores_with_it()
    {
        _world.App.CloseRounds();
        await _world.SetAsync(true, scores: true);

        var after = await _world.SetAsync(false);

        Assert.False(after.PublicScores);
        var admin = await _world.AdminAsync();
        var refused = await _world.WithAsync<PublicItaAdmin, Outcome<PublicItaSettings>>(a => a.SetAsync(admin, _world.Ours.Id, false, true, Cancel));
        Assert.Equal(Refusal.Invalid, refused.Refusal);
    }
}
