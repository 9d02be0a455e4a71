using ItaSurvey.Core.Quality;
using ItaSurvey.Core.Tests.Statistics;

namespace ItaSurvey.Core.Tests.Quality;

public class DuplicateAndBurstTests
{
    [Fact]
    public void A_crowd_of_one_middling_answer_vector_is_flagged_though_it_is_not_straight_lined()
    {
        var compiled = StatisticsData.Compiled(2566, "EIT");
        var honest = new QualitySimulation(compiled, 21).AddHonest(300).Responses.Select(r => r.Levels).ToList();
        var planted = (byte[])honest[0].Clone();
        var responses = honest.Concat(Enumerable.Range(0, 12).Select(_ => (byte[])planted.Clone())).ToList();

        var finding = DuplicateAnswers.Find(compiled, responses);

        var group = Assert.Single(finding.Groups);
        Assert.Equal(13, group.Copies);
        Assert.True(group.Probability < PoissonTail.Threshold);
        Assert.Equal(13, finding.Flagged.Count(f => f));
        Assert.True(finding.Flagged[0]);
    }

    [Fact]
    public void The_model_built_one_response_at_a_time_judges_a_group_as_the_whole_round_check_does()
    {
        var compiled = StatisticsData.Compiled(2566, "EIT");
        var honest = new QualitySimulation(compiled, 22).AddHonest(200).Responses.Select(r => r.Levels).ToList();
        var planted = (byte[])honest[5].Clone();
        var responses = honest.Concat(Enumerable.Range(0, 9).Select(_ => (byte[])planted.Clone())).ToList();
        var model = new DuplicateModel(compiled);
        responses.ForEach(model.Add);

        var whole = Assert.Single(DuplicateAnswers.Find(compiled, responses).Groups);
        var streamed = model.Test(planted, 10);

        Assert.Equal(whole, streamed);
        Assert.Null(model.Test(planted, 2)); // two copies are never a crowd
        Assert.Null(model.Test(honest[6], 1));
    }

    [Fact]
    public void Two_identical_answers_are_never_a_crowd()
    {
        var compiled = StatisticsData.Compiled(2566, "EIT");
        var top = compiled.LevelCounts.Select(n => (byte)(n - 1)).ToArray();

        var finding = DuplicateAnswers.Find(compiled, [top, (byte[])top.Clone()]);

        Assert.Empty(finding.Groups);
        Assert.DoesNotContain(true, finding.Flagged);
    }

    [Fact]
    public void Three_copies_of_a_vector_that_half_the_band_gives_are_chance()
    {
        var compiled = StatisticsData.Compiled(2566, "EIT");
        var top = compiled.LevelCounts.Select(n => (byte)(n - 1)).ToArray();
        var near = (byte[])top.Clone();
        near[0]--;
        // A band where most answers are exactly these: three copies are what chance gives.
        var responses = Enumerable.Range(0, 3).Select(_ => (byte[])top.Clone()).Concat(Enumerable.Range(0, 40).Select(_ => (byte[])near.Clone())).ToList();

        Assert.DoesNotContain(DuplicateAnswers.Find(compiled, responses).Groups, g => g.Copies == 3);
    }

    [Fact]
    public void A_crowd_of_wholly_pleased_respondents_is_not_a_duplicate_signal()
    {
        // The demo's 2566 EIT, made to give the published 95.40: 27 of 72 on the best answer everywhere.
        var compiled = StatisticsData.Compiled(2566, "EIT");
        var best = BestOrWorst(compiled, best: true);
        var worst = BestOrWorst(compiled, best: false);
        var honest = new QualitySimulation(compiled, 5).AddHonest(45).Responses.Select(r => r.Levels);
        var responses = honest.Concat(Enumerable.Range(0, 27).Select(_ => (byte[])best.Clone()))
            .Concat(Enumerable.Range(0, 6).Select(_ => (byte[])worst.Clone())).ToList();

        var finding = DuplicateAnswers.Find(compiled, responses);

        Assert.True(DuplicateAnswers.IsScoreExtreme(compiled, best));
        Assert.True(DuplicateAnswers.IsScoreExtreme(compiled, worst));
        Assert.DoesNotContain(finding.Groups, g => g.Copies is 27 or 6);
        Assert.DoesNotContain(true, finding.Flagged.Skip(45));
        // One field off the best is an ordinary vector again, tested like any other.
        var nearBest = (byte[])best.Clone();
        nearBest[0] = (byte)(nearBest[0] == 0 ? 1 : 0);
        Assert.False(DuplicateAnswers.IsScoreExtreme(compiled, nearBest));
    }

    private static byte[] BestOrWorst(ItaSurvey.Core.Scoring.CompiledQuestionnaire compiled, bool best) =>
        [.. Enumerable.Range(0, compiled.FieldCount).Select(f =>
        {
            var points = compiled.Points.Skip(f * compiled.LevelStride).Take(compiled.LevelCounts[f]).ToList();
            return (byte)points.IndexOf(best ? points.Max() : points.Min());
        })];

    [Theory]
    [InlineData(0, 1.0, 1.0)]
    [InlineData(1, 2.0, 0.8646647167633873)]   // 1 − e^−2
    [InlineData(3, 0.5, 0.014387677966970687)] // 1 − e^−0.5 (1 + 0.5 + 0.125)
    public void The_poisson_tail_is_exact(int count, double mean, double expected) =>
        Assert.Equal(expected, PoissonTail.AtLeast(count, mean), 12);

    [Fact]
    public void The_poisson_tail_keeps_its_digits_far_below_the_threshold() =>
        Assert.InRange(PoissonTail.AtLeast(150, 1.0), 1e-300, 1e-200);

    [Fact]
    public void A_window_of_ten_in_a_quiet_round_is_a_burst_and_nine_never_is()
    {
        var day = new DateOnly(2023, 5, 1);
        var quiet = Enumerable.Range(0, 200).Select(i => new WindowCount(day.AddDays(i % 50), 1)).ToList();

        Assert.Equal(1, BurstWindows.ByDay([.. quiet, new(day.AddDays(60), 10)], k: 5).Sum(d => d.Bursts));
        Assert.Equal(0, BurstWindows.ByDay([.. quiet, new(day.AddDays(60), 9)], k: 5).Sum(d => d.Bursts));
        // With k above ten, a burst needs k submissions.
        Assert.Equal(0, BurstWindows.ByDay([.. quiet, new(day.AddDays(60), 11)], k: 12).Sum(d => d.Bursts));
    }

    [Fact]
    public void A_busy_round_raises_the_bar_for_a_burst()
    {
        var day = new DateOnly(2023, 5, 1);
        var busy = Enumerable.Range(0, 200).Select(i => new WindowCount(day.AddDays(i % 50), 8)).ToList();

        Assert.Equal(0, BurstWindows.ByDay([.. busy, new(day, 20)], k: 5).Sum(d => d.Bursts));
        Assert.Equal(1, BurstWindows.ByDay([.. busy, new(day, 40)], k: 5).Sum(d => d.Bursts));
    }
}
