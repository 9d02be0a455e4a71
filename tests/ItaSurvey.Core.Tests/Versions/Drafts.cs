using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Tests.Versions;

/// <summary>Edited copies of a fiscal year, as an administrator's draft would be.</summary>
internal static class Drafts
{
    public static SurveyYear Year2566 => Surveys.Year(2566);

    public static SurveyYear WithModel(this SurveyYear year, Func<AssessmentModel, AssessmentModel> edit) =>
        year with { Model = edit(year.Model) };

    public static SurveyYear WithQuestionnaire(this SurveyYear year, string instrument, Func<Questionnaire, Questionnaire> edit)
    {
        var questionnaires = new Dictionary<string, Questionnaire>(year.Questionnaires)
        {
            [instrument] = edit(year.Questionnaire(instrument)),
        };
        return year with { Questionnaires = questionnaires };
    }

    public static SurveyYear WithoutQuestionnaire(this SurveyYear year, string instrument)
    {
        var questionnaires = year.Questionnaires.Where(q => q.Key != instrument).ToDictionary(q => q.Key, q => q.Value);
        return year with { Questionnaires = questionnaires };
    }

    public static SurveyYear WithQuestions(this SurveyYear year, string instrument, Func<IReadOnlyList<Question>, IEnumerable<Question>> edit) =>
        year.WithQuestionnaire(instrument, q => q with { Questions = edit(q.Questions).ToList() });

    public static SurveyYear WithQuestion(this SurveyYear year, string instrument, string code, Func<Question, Question> edit) =>
        year.WithQuestions(instrument, questions =>
        {
            Assert.Contains(questions, q => q.Code == code);
            return questions.Select(q => q.Code == code ? edit(q) : q);
        });

    public static SurveyYear WithScale(this SurveyYear year, string code, Func<AnswerScale, AnswerScale> edit) =>
        year.WithModel(m => m with { Scales = m.Scales.Select(s => s.Code == code ? edit(s) : s).ToList() });

    public static SurveyYear WithRatingLevel(this SurveyYear year, string code, Func<RatingLevel, RatingLevel> edit) =>
        year.WithModel(m => m with
        {
            Rating = m.Rating with { Levels = m.Rating.Levels.Select(l => l.Code == code ? edit(l) : l).ToList() },
        });

    public static SurveyYear WithInstrument(this SurveyYear year, string code, Func<Instrument, Instrument> edit) =>
        year.WithModel(m => m with { Instruments = m.Instruments.Select(i => i.Code == code ? edit(i) : i).ToList() });

    public static SurveyYear WithIndicator(this SurveyYear year, string code, Func<Indicator, Indicator> edit) =>
        year.WithModel(m => m with { Indicators = m.Indicators.Select(i => i.Code == code ? edit(i) : i).ToList() });

    public static Question Question(this SurveyYear year, string instrument, string code) =>
        year.Questionnaire(instrument).Questions.Single(q => q.Code == code);

    public static IReadOnlyList<T> Replace<T>(this IReadOnlyList<T> list, int index, T value) =>
        list.Select((item, i) => i == index ? value : item).ToList();

    public static IReadOnlyList<T> Swap<T>(this IReadOnlyList<T> list, int a, int b) =>
        list.Select((item, i) => i == a ? list[b] : i == b ? list[a] : item).ToList();
}
