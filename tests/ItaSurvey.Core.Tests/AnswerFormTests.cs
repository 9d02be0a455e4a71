using ItaSurvey.Core.Responses;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Tests;

public class AnswerFormTests
{
    private static readonly CompiledQuestionnaire Eit = new(Surveys.Year(2566).Model, Surveys.Year(2566).Questionnaire("EIT"));

    [Fact]
    public void A_complete_form_becomes_one_level_per_field_in_field_order()
    {
        var form = AnswerForm.Read(Eit, Eit.FieldCodes.Select((c, i) => Field(c, (i % 2).ToString())));

        Assert.True(form.IsComplete);
        Assert.Equal(Eit.FieldCodes.Select((_, i) => (byte)(i % 2)), form.Levels);
    }

    [Fact]
    public void Unanswered_fields_are_listed_by_question_once_each_in_order()
    {
        var form = AnswerForm.Read(Eit, Eit.FieldCodes.Where(c => c is not ("E1.2" or "E4.1" or "E4.3" or "E7")).Select(c => Field(c, "0")));

        Assert.Equal(["E1", "E4", "E7"], form.UnansweredQuestions);
        Assert.Empty(form.Problems);
        Assert.Equal(AnswerTally.NotAnswered, form.Levels[Eit.FieldIndex("E7")]);
    }

    [Theory]
    [InlineData("E99", "1", AnswerFormProblemKind.UnknownField)]
    [InlineData("E2", "4", AnswerFormProblemKind.OutOfRange)]
    [InlineData("E4.1", "2", AnswerFormProblemKind.OutOfRange)] // a มี/ไม่มี item has two levels
    [InlineData("E2", " 1", AnswerFormProblemKind.OutOfRange)]
    [InlineData("E2", "+1", AnswerFormProblemKind.OutOfRange)]
    [InlineData("E2", "0001", AnswerFormProblemKind.OutOfRange)]
    [InlineData("E2", "01", AnswerFormProblemKind.OutOfRange)] // issue 18: read as level 1 before
    [InlineData("E2", "00", AnswerFormProblemKind.OutOfRange)]
    [InlineData("E2", "1 ", AnswerFormProblemKind.OutOfRange)]
    [InlineData("E2", "\u0661", AnswerFormProblemKind.OutOfRange)] // Arabic-Indic one
    [InlineData("E2", "\uFF11", AnswerFormProblemKind.OutOfRange)] // full-width one
    public void A_tampered_field_is_a_problem(string field, string value, AnswerFormProblemKind kind)
    {
        var fields = Eit.FieldCodes.Where(c => c != field).Select(c => Field(c, "0")).Append(Field(field, value));

        var problem = Assert.Single(AnswerForm.Read(Eit, fields).Problems);

        Assert.Equal(kind, problem.Kind);
        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void A_field_sent_twice_is_a_problem_even_with_the_same_value()
    {
        var fields = Eit.FieldCodes.Select(c => Field(c, "0")).Append(Field("E2", "0"));

        Assert.Equal(AnswerFormProblemKind.DuplicatedField, Assert.Single(AnswerForm.Read(Eit, fields).Problems).Kind);
    }

    [Fact]
    public void The_fingerprint_changes_when_the_answer_layout_changes()
    {
        var year = Surveys.Year(2566);
        var eit = year.Questionnaire("EIT");
        var shorter = eit with { Questions = eit.Questions.Skip(1).ToList() };

        Assert.Equal(Eit.Fingerprint, new CompiledQuestionnaire(year.Model, eit).Fingerprint);
        Assert.NotEqual(Eit.Fingerprint, new CompiledQuestionnaire(year.Model, shorter).Fingerprint);
        Assert.Equal(16, Eit.Fingerprint.Length);
    }

    private static KeyValuePair<string, IReadOnlyList<string>> Field(string name, string value) => KeyValuePair.Create(name, (IReadOnlyList<string>)[value]);
}
