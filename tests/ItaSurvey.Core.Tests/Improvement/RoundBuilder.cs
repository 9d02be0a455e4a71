using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Tests.Improvement;

/// <summary>
/// A round of a real fiscal year built from tallies: every IIT and EIT answer field at full
/// points and every OIT item มี, unless a test says otherwise.
/// </summary>
internal sealed class RoundBuilder
{
    public const int Respondents = 30;

    private readonly Dictionary<string, AnswerTally> _tallies = [];
    private readonly Dictionary<string, int?> _oit = [];
    private readonly Dictionary<string, int> _fieldLevels = [];

    public RoundBuilder(int fiscalYear = 2565)
    {
        Year = Surveys.Year(fiscalYear);
        foreach (var instrument in new[] { "IIT", "EIT", "OIT" })
        {
            _tallies[instrument] = new CompiledQuestionnaire(Year.Model, Year.Questionnaire(instrument)).NewTally();
        }
    }

    public SurveyYear Year { get; }

    /// <summary>An OIT item answered ไม่มี (0).</summary>
    public RoundBuilder Missing(params string[] items)
    {
        foreach (var item in items)
        {
            _oit[item] = 0;
        }
        return this;
    }

    /// <summary>An OIT item never recorded (no score; left out of its sub-indicator's mean).</summary>
    public RoundBuilder NotRecorded(string item)
    {
        _oit[item] = null;
        return this;
    }

    /// <summary>Every respondent answers a field with the level worth these points (0, 100/3, 200/3, 100 on the 4-level scale).</summary>
    public RoundBuilder Field(string code, double points)
    {
        _fieldLevels[code] = LevelWorth(code, points);
        return this;
    }

    public AnswerTally Tally(string instrument) => _tallies[instrument];

    public AssessmentResult Score()
    {
        foreach (var instrument in new[] { "IIT", "EIT" })
        {
            var tally = _tallies[instrument];
            var compiled = tally.Questionnaire;
            foreach (var code in compiled.FieldCodes)
            {
                tally.Add(code, _fieldLevels.TryGetValue(code, out var level) ? level : LevelWorth(code, 100), Respondents);
            }
        }
        var oit = _tallies["OIT"];
        foreach (var code in oit.Questionnaire.FieldCodes)
        {
            var level = _oit.TryGetValue(code, out var l) ? l : 1;
            if (level is { } chosen)
            {
                oit.Add(code, chosen, 1);
            }
        }
        return AssessmentScorer.Score(Year.Model, _tallies.Values);
    }

    private int LevelWorth(string code, double points)
    {
        var compiled = _tallies.Values.Select(t => t.Questionnaire).First(q => q.FieldIndex(code) >= 0);
        var field = compiled.FieldIndex(code);
        for (var level = 0; level < compiled.LevelCounts[field]; level++)
        {
            if (Math.Abs(compiled.Points[field * compiled.LevelStride + level] - points) < 1e-9)
            {
                return level;
            }
        }
        throw new ArgumentException($"No level of {code} is worth {points}.");
    }
}
