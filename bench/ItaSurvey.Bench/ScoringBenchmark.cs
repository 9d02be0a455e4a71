using System.Diagnostics;
using System.Globalization;
using ItaSurvey.Core.Loading;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Bench;

/// <summary>
/// Scores N synthetic IIT responses from raw answers (one byte per answer field) on one thread
/// and prints answer fields per second and the bytes allocated while scoring.
/// </summary>
internal static class ScoringBenchmark
{
    public static int Run(string[] args)
    {
        var responses = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var fiscalYear = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2566;
        var year = SurveyLoader.LoadCatalog(Path.Combine(AppContext.BaseDirectory, "surveys")).Year(fiscalYear);
        var compiled = new CompiledQuestionnaire(year.Model, year.Questionnaire("IIT"));
        var width = compiled.FieldCount;

        // Synthetic answers, generated before timing starts: skewed towards the upper levels as real IIT answers are.
        var packed = new byte[(long)responses * width];
        var random = new Random(2566);
        for (var i = 0; i < packed.Length; i++)
        {
            var levels = compiled.LevelCounts[i % width];
            packed[i] = (byte)Math.Min(levels - 1, random.Next(levels + 1));
        }

        Score(compiled, packed.AsSpan(0, width * Math.Min(responses, 10_000))); // warm-up (JIT tiers)

        var runs = new List<(double Seconds, long Bytes, double Total)>();
        for (var run = 0; run < 5; run++)
        {
            GC.Collect();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var total = Score(compiled, packed);
            clock.Stop();
            runs.Add((clock.Elapsed.TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, total));
        }

        var fields = (double)responses * width;
        var best = runs.MinBy(r => r.Seconds);
        var median = runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2);
        Console.WriteLine($"scoring: {responses:N0} IIT responses × {width} answer fields = {fields:N0} fields, fiscal year {fiscalYear}, one thread");
        Console.WriteLine($"scoring: best {best.Seconds * 1000:F1} ms = {fields / best.Seconds / 1e6:F1} M fields/s; median {median.Seconds * 1000:F1} ms = {fields / median.Seconds / 1e6:F1} M fields/s");
        Console.WriteLine($"scoring: allocated {best.Bytes:N0} bytes per run (tally and result objects; none per response)");
        Console.WriteLine($"scoring: IIT score {ScoreRounding.Display(best.Total)}");

        // The dashboard's statistics score every respondent as well: intervals, alpha, year-over-year tests.
        var statistics = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var respondents = new RespondentScores(compiled);
            respondents.AddMany(packed);
            statistics.Add(clock.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"per-respondent statistics: best {statistics.Min() * 1000:F1} ms = {responses / statistics.Min() / 1e6:F2} M responses/s");
        return 0;
    }

    private static double Score(CompiledQuestionnaire compiled, ReadOnlySpan<byte> packed)
    {
        var tally = compiled.NewTally();
        tally.AddMany(packed);
        return QuestionnaireScorer.Score(tally).Score ?? double.NaN;
    }
}
