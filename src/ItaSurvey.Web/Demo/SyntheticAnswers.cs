using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Web.Demo;

/// <summary>
/// Draws plausible answers: each field is aimed at a target score, and each respondent leans a
/// little more or less favourable across all questions, as real respondents do.
/// </summary>
public sealed class SyntheticAnswers
{
    private readonly CompiledQuestionnaire _form;
    private readonly Random _random;
    private readonly double[] _targets;
    private readonly Direction[] _directions;

    public SyntheticAnswers(CompiledQuestionnaire form, DemoYear year, Random random)
    {
        _form = form;
        _random = random;
        var fields = form.Questionnaire.AnswerFields().ToList();
        _directions = [.. fields.Select(f => f.Direction)];
        // A question's sub-items share its target, give or take a point.
        var jitter = form.Questionnaire.Questions.ToDictionary(q => q.Code, _ => (random.NextDouble() - 0.5) * 3);
        _targets = [.. fields.Select(f => Math.Clamp(year.TargetOf(f.Question.Code, f.Question.Indicator) + jitter[f.Question.Code] + (random.NextDouble() - 0.5), 0, 100))];
    }

    /// <summary>One complete response: a level per answer field, in field order.</summary>
    public byte[] Next()
    {
        var lean = (_random.NextDouble() - 0.5) * 0.5; // in levels of a 4-level scale
        var answers = new byte[_form.FieldCount];
        for (var f = 0; f < answers.Length; f++)
        {
            var top = _form.LevelCounts[f] - 1;
            var mean = Math.Clamp(_targets[f] / 100 * top + lean * top / 3, 0, top);
            var favourable = (int)Math.Floor(mean) + (_random.NextDouble() < mean - Math.Floor(mean) ? 1 : 0);
            // Levels run from least to most; on a reverse-scored question "least" is the good answer.
            answers[f] = (byte)(_directions[f] == Direction.Positive ? favourable : top - favourable);
        }
        return answers;
    }
}
