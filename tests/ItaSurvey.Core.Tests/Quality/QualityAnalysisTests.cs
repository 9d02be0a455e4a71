using ItaSurvey.Core.Quality;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;
using ItaSurvey.Core.Tests.Statistics;

namespace ItaSurvey.Core.Tests.Quality;

/// <summary>Every new figure obeys the k rule and the IIT rule.</summary>
public class QualityAnalysisTests
{
    public static double ScoreOf(CompiledQuestionnaire compiled, IEnumerable<byte[]> responses)
    {
        var tally = compiled.NewTally();
        foreach (var r in responses)
        {
            tally.Add(r);
        }
        return QuestionnaireScorer.Score(tally).Score!.Value;
    }

    [Fact]
    public void The_iit_shows_no_quality_figure_while_the_round_is_open_and_every_figure_once_closed()
    {
        var simulation = new QualitySimulation(StatisticsData.Compiled(2566, "IIT"), 3).AddHonest(60);
        simulation.Responses.AddRange(Enumerable.Range(0, 10).Select(_ =>
            (simulation.Questionnaire.LevelCounts.Select(n => (byte)(n - 1)).ToArray(), ResponseSignal.StraightLined | ResponseSignal.TooFast, false)));

        var open = simulation.Analyse(roundOpen: true);
        var closed = simulation.Analyse(roundOpen: false);

        Assert.Equal(QualityAnalysis.ClosedFirst, open.Withheld);
        Assert.All(open.Signals, s => Assert.Null(s.Count));
        Assert.Null(open.Flagged);
        Assert.Null(open.Sensitivity);
        Assert.Empty(open.Bursts);
        Assert.Empty(open.PerResponse);
        Assert.Null(closed.Withheld);
        Assert.Equal(simulation.Responses.Count(r => (r.Stored & ResponseSignal.TooFast) != 0), closed.Signals.Single(s => s.Signal == ResponseSignal.TooFast).Count);
        Assert.True(closed.Signals.Single(s => s.Signal == ResponseSignal.TooFast).Count >= 10);
        Assert.NotNull(closed.Sensitivity);
    }

    [Fact]
    public void The_eit_shows_its_figures_while_the_round_is_open()
    {
        var figures = new QualitySimulation(StatisticsData.Compiled(2566, "EIT"), 3).AddHonest(40).Analyse(roundOpen: true);

        Assert.Null(figures.Withheld);
        Assert.Equal(40, figures.PerResponse.Count);
        Assert.Equal(4, figures.Signals.Count);
    }

    [Theory]
    [InlineData(4, 50, false)]   // four flagged: fewer than k
    [InlineData(5, 50, true)]
    [InlineData(46, 4, false)]   // four unflagged: fewer than k
    [InlineData(45, 5, true)]
    public void The_score_without_flagged_needs_k_flagged_and_k_unflagged(int flagged, int unflagged, bool shown)
    {
        var compiled = StatisticsData.Compiled(2566, "EIT");
        var honest = new QualitySimulation(compiled, 11).AddHonest(unflagged).Responses.Select(r => (r.Levels, ResponseSignal.None));
        var fast = new QualitySimulation(compiled, 12).AddHonest(flagged).Responses.Select(r => (r.Levels, ResponseSignal.TooFast));

        var figures = QualityAnalysis.Analyse(compiled, [.. honest, .. fast], [], roundOpen: false, k: 5);

        Assert.Equal(shown, figures.Sensitivity is not null);
        Assert.Equal(shown, figures.SensitivityWithheld is null);
        Assert.Equal(flagged >= 5 ? flagged : null, figures.Signals.Single(s => s.Signal == ResponseSignal.TooFast).Count);
    }

    [Fact]
    public void A_round_with_fewer_than_k_responses_shows_nothing_and_signal_counts_below_k_are_withheld()
    {
        var compiled = StatisticsData.Compiled(2566, "EIT");
        var few = new QualitySimulation(compiled, 5).AddHonest(4).Analyse(k: 5);
        Assert.Equal(Privacy.Message(5), few.Withheld);
        Assert.Null(few.Flagged);

        var responses = new QualitySimulation(compiled, 5).AddHonest(30).Responses.Select((r, i) => (r.Levels, i < 2 ? ResponseSignal.TooFast : ResponseSignal.None)).ToList();
        var figures = QualityAnalysis.Analyse(compiled, responses, [], roundOpen: false, k: 5);
        Assert.Null(figures.Signals.Single(s => s.Signal == ResponseSignal.TooFast).Count);
        Assert.Null(figures.Flagged);
        Assert.Null(figures.Signals.Single(s => s.Signal == ResponseSignal.Duplicate).Count);
    }

    [Fact]
    public void A_day_with_fewer_than_k_submissions_has_its_counts_withheld_on_the_timeline()
    {
        var day1 = new DateOnly(2023, 5, 1);
        var day2 = day1.AddDays(1);
        var days = BurstWindows.ByDay([new(day1, 2), new(day1, 1), new(day2, 4), new(day2, 3)], k: 5);

        Assert.Null(days[0].Submissions);
        Assert.Null(days[0].LargestWindow);
        Assert.Equal(7, days[1].Submissions);
        Assert.Null(days[1].LargestWindow);
    }

    [Fact]
    public void The_sensitivity_interval_is_welchs_interval_scaled_by_the_flagged_share()
    {
        var flagged = SampleSummary.Of([100, 90, 100, 95, 100]);
        var unflagged = SampleSummary.Of([70, 80, 75, 60, 85, 65, 90, 70, 72, 78]);
        var collected = ((5 * flagged.Mean) + (10 * unflagged.Mean)) / 15;

        var result = SensitivityCheck.Compare(collected, unflagged.Mean, flagged, unflagged);
        var welch = YearOverYear.Compare(unflagged, flagged);

        Assert.Equal(collected - unflagged.Mean, result.Difference, 9);
        Assert.Equal(welch.Difference!.Value / 3, result.Difference, 9);
        Assert.Equal(welch.Lower!.Value / 3, result.Lower!.Value, 9);
        Assert.Equal(welch.Upper!.Value / 3, result.Upper!.Value, 9);
    }
}
