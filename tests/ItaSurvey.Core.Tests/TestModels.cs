using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Tests;

/// <summary>Small models built in code for tests that need a particular scale.</summary>
internal static class TestModels
{
    public static (AssessmentModel Model, Questionnaire Questionnaire) OneQuestion(double[] points, int items)
    {
        var scale = new AnswerScale("S", points.Select((p, i) => new ScaleLevel(new LocalizedText($"ระดับ {i}"), p)).ToList());
        var model = Surveys.Year(2566).Model with
        {
            Instruments = [new Instrument("IIT", new LocalizedText("ภายใน"), 1.0)],
            Indicators = [new Indicator("1", "IIT", new LocalizedText("ตัวชี้วัด"))],
            Scales = [scale],
        };
        var question = new Question("I1", "1", "S", Direction.Positive, new LocalizedText("คำถาม"),
            Items: Enumerable.Range(1, items).Select(i => new QuestionItem($"I1.{i}", new LocalizedText($"ข้อย่อย {i}"))).ToList());
        return (model, new Questionnaire("IIT", 2566, new LocalizedText("แบบวัด"), true, [question]));
    }
}
