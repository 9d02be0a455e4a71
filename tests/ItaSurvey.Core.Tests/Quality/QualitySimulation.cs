using ItaSurvey.Core.Quality;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Tests.Quality;

/// <summary>
/// A simulated EIT round: honest respondents spread over eight weeks, and optionally a crowd that
/// answers "มากที่สุด" (the last level) to everything within ten minutes of one afternoon.
/// </summary>
internal sealed class QualitySimulation
{
    public static readonly DateOnly FirstDay = new(2023, 4, 1);

    public CompiledQuestionnaire Questionnaire { get; }

    public List<(byte[] Levels, ResponseSignal Stored, bool Honest)> Responses { get; } = [];

    /// <summary>Every submission's day and time of day, the way the store sees them before it keeps only window counts.</summary>
    public List<(DateOnly Day, TimeOnly Time)> Arrivals { get; } = [];

    private readonly AnswerPatterns _patterns;
    private readonly Random _random;

    public QualitySimulation(CompiledQuestionnaire questionnaire, int seed)
    {
        Questionnaire = questionnaire;
        _patterns = new AnswerPatterns(questionnaire);
        _random = new Random(seed);
    }

    /// <summary>
    /// Honest respondents: a leaning towards the agency shared by all their answers (so that answers
    /// correlate as real ones do), each answer moved by its own noise, reverse-scored questions
    /// answered the other way round; a minute plus eight seconds a field per form (log-normal, median 3.4 minutes for the EIT, 7.8 for the IIT),
    /// on a random day of eight weeks between 07:00 and 22:00.
    /// </summary>
    public QualitySimulation AddHonest(int count)
    {
        var c = Questionnaire;
        for (var r = 0; r < count; r++)
        {
            var leaning = _random.NextDouble();
            var levels = new byte[c.FieldCount];
            for (var f = 0; f < levels.Length; f++)
            {
                var top = c.LevelCounts[f] - 1;
                var position = Math.Clamp(leaning + (0.35 * Normal()), 0, 1);
                var good = (int)Math.Round(position * top);
                var bestIsTop = c.Points[(f * c.LevelStride) + top] >= c.Points[f * c.LevelStride];
                levels[f] = (byte)(bestIsTop ? good : top - good);
            }
            var seconds = (60 + (8 * c.FieldCount)) * Math.Exp(0.5 * Normal());
            Add(levels, seconds, FirstDay.AddDays(_random.Next(56)), new TimeOnly(7, 0).Add(TimeSpan.FromMinutes(_random.Next(15 * 60))), honest: true);
        }
        return this;
    }

    /// <summary>Responses with every field at its last level, sent in four to eight seconds each, all within ten minutes from 14:03 on one day.</summary>
    public QualitySimulation AddStraightLinedBurst(int count, DateOnly day)
    {
        for (var r = 0; r < count; r++)
        {
            var levels = Questionnaire.LevelCounts.Select(n => (byte)(n - 1)).ToArray();
            var at = new TimeOnly(14, 3).Add(TimeSpan.FromSeconds(_random.Next(600)));
            Add(levels, 4 + (4 * _random.NextDouble()), day, at, honest: false);
        }
        return this;
    }

    /// <summary>The window counts the store would hold: running-day slots for today, ranks for finished days.</summary>
    public List<WindowCount> Windows() =>
        [.. Arrivals.GroupBy(a => (a.Day, Window: WindowRanking.WindowOf(a.Time)))
            .GroupBy(g => g.Key.Day)
            .SelectMany(day => WindowRanking.Rank(day.Select(w => w.Count())).Select(r => new WindowCount(day.Key, r.Count)))];

    public QualityFigures Analyse(bool roundOpen = false, int k = 5) =>
        QualityAnalysis.Analyse(Questionnaire, [.. Responses.Select(r => (r.Levels, r.Stored))], Windows(), roundOpen, k);

    private void Add(byte[] levels, double seconds, DateOnly day, TimeOnly time, bool honest)
    {
        var stored = _patterns.Of(levels) | SpeedClass.Of(TimeSpan.FromSeconds(seconds), Questionnaire.Instrument == "IIT" ? SpeedClass.DefaultIitSeconds : SpeedClass.DefaultEitSeconds);
        Responses.Add((levels, stored, honest));
        Arrivals.Add((day, time));
    }

    private double Normal() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
