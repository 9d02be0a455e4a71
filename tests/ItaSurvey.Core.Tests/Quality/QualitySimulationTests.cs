using System.Globalization;
using ItaSurvey.Core.Quality;
using ItaSurvey.Core.Tests.Statistics;

namespace ItaSurvey.Core.Tests.Quality;

/// <summary>The proof: honest rounds are left alone, a stuffed round is caught, and the rates are recorded.</summary>
public class QualitySimulationTests
{
    private static readonly DateOnly StuffedDay = QualitySimulation.FirstDay.AddDays(30);

    [Theory]
    [InlineData(2566, "EIT")]
    [InlineData(2568, "EIT")]
    [InlineData(2566, "IIT")]
    public void Four_hundred_honest_responses_flag_fewer_than_two_percent_and_show_no_burst(int year, string instrument)
    {
        var rates = new List<double>();
        for (var seed = 1; seed <= 5; seed++)
        {
            var simulation = new QualitySimulation(StatisticsData.Compiled(year, instrument), seed).AddHonest(400);
            var figures = simulation.Analyse();

            var flagged = figures.PerResponse.Count(f => f != ResponseSignal.None);
            rates.Add(flagged / 400.0);
            Assert.True(flagged < 8, $"seed {seed}: {flagged} of 400 flagged");
            // Fewer than k flagged: the page shows "fewer than k", not the count.
            Assert.Equal(flagged < 5 ? null : flagged, figures.Flagged);
            Assert.All(figures.Bursts, day => Assert.Equal(0, day.Bursts));
        }
        Record($"{year} {instrument} honest 400 x5 seeds: false-flag rate mean {rates.Average():P2}, max {rates.Max():P2}");
    }

    [Theory]
    [InlineData(2566, "EIT")]
    [InlineData(2568, "EIT")]
    public void One_hundred_fifty_straight_lined_responses_in_ten_minutes_are_caught_and_the_sensitivity_score_moves_back(int year, string instrument)
    {
        var compiled = StatisticsData.Compiled(year, instrument);
        var honestOnly = new QualitySimulation(compiled, 7).AddHonest(400).Analyse();
        var simulation = new QualitySimulation(compiled, 7).AddHonest(400).AddStraightLinedBurst(150, StuffedDay);

        var figures = simulation.Analyse();

        var flags = figures.PerResponse;
        var stuffed = simulation.Responses.Select((r, i) => (r, i)).Where(x => !x.r.Honest).Select(x => flags[x.i]).ToList();
        var honest = simulation.Responses.Select((r, i) => (r, i)).Where(x => x.r.Honest).Select(x => flags[x.i]).ToList();
        var detection = stuffed.Count(f => f != ResponseSignal.None) / (double)stuffed.Count;
        var falseFlags = honest.Count(f => f != ResponseSignal.None) / (double)honest.Count;
        Assert.True(detection >= 0.98, $"detected {detection:P1}");
        Assert.True(falseFlags < 0.02, $"false flags {falseFlags:P1}");
        Assert.All(stuffed, f => Assert.Equal(ResponseSignal.TooFast | ResponseSignal.StraightLined | ResponseSignal.Contradictory | ResponseSignal.Duplicate, f));

        var burstDay = Assert.Single(figures.Bursts, d => d.Bursts > 0);
        Assert.Equal(StuffedDay, burstDay.Day);
        Assert.True(burstDay.InBursts >= 140, $"{burstDay.InBursts} of 150 in bursts");

        var honestScore = QualityAnalysisTests.ScoreOf(compiled, simulation.Responses.Where(r => r.Honest).Select(r => r.Levels));
        var sensitivity = figures.Sensitivity!;
        Assert.True(Math.Abs(sensitivity.WithoutFlagged - honestScore) < Math.Abs(sensitivity.Collected - honestScore) / 10,
            $"honest {honestScore:F2}, collected {sensitivity.Collected:F2}, without flagged {sensitivity.WithoutFlagged:F2}");
        Assert.True(sensitivity.Lower <= sensitivity.Difference && sensitivity.Difference <= sensitivity.Upper);
        Assert.True(sensitivity.Lower > 0 || sensitivity.Upper < 0, "the difference made by 150 of 550 responses is clear of zero");
        Assert.Null(honestOnly.Bursts.FirstOrDefault(d => d.Bursts > 0));

        Record(string.Create(CultureInfo.InvariantCulture,
            $"{year} {instrument} 400 honest + 150 straight-lined in 10 min: detection {detection:P1}, false-flag {falseFlags:P2}, burst windows {burstDay.Bursts} holding {burstDay.InBursts}; EIT honest {honestScore:F2}, collected {sensitivity.Collected:F2}, without flagged {sensitivity.WithoutFlagged:F2}, difference {sensitivity.Difference:F2} [{sensitivity.Lower:F2}, {sensitivity.Upper:F2}]"));
    }

    private static void Record(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "artifacts", "quality");
        Directory.CreateDirectory(folder);
        lock (typeof(QualitySimulationTests))
        {
            File.AppendAllText(Path.Combine(folder, "simulation.txt"), $"{DateTime.UtcNow:O} {line}\n");
        }
    }
}
