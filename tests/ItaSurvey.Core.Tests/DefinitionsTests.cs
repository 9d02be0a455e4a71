namespace ItaSurvey.Core.Tests;

/// <summary>The shipped definitions hold what the domain notes say.</summary>
public class DefinitionsTests
{
    [Fact]
    public void The_repository_definitions_are_valid()
    {
        var result = Loading.SurveyLoader.Load(Surveys.Root);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal([2564, 2565, 2566, 2567, 2568], result.Catalog!.Years.Select(y => y.FiscalYear));
    }

    [Theory]
    [InlineData(2564, 43)]
    [InlineData(2565, 43)]
    [InlineData(2566, 43)]
    [InlineData(2567, 43)] // assumed: 2566's OIT kept
    [InlineData(2568, 26)] // renumbered O1–O26
    public void Every_year_has_30_IIT_questions_with_51_answer_fields_15_EIT_questions_and_its_OIT_items(int fiscalYear, int oitItems)
    {
        var year = Surveys.Year(fiscalYear);

        Assert.Equal(30, year.Questionnaire("IIT").Questions.Count);
        Assert.Equal(51, year.Questionnaire("IIT").AnswerFields().Count());
        Assert.Equal(15, year.Questionnaire("EIT").Questions.Count);
        Assert.Equal(oitItems, year.Questionnaire("OIT").Questions.Count);
        Assert.False(year.Questionnaire("EIT").OfficialWording);
    }

    [Fact]
    public void Indicator_codes_are_the_same_every_year_so_trends_line_up()
    {
        var codes = Surveys.Catalog.Years.Select(y => string.Join(",", y.Model.Indicators.Select(i => $"{i.Instrument}:{i.Code}"))).Distinct();

        Assert.Equal("IIT:1,IIT:2,IIT:3,IIT:4,IIT:5,EIT:6,EIT:7,EIT:8,OIT:9,OIT:10", Assert.Single(codes));
    }

    [Theory]
    [InlineData(2565, "9.1=9 9.2=8 9.3=7 9.4=4 9.5=5 10.1=8 10.2=2")]
    [InlineData(2566, "9.1=10 9.2=8 9.3=4 9.4=4 9.5=4 10.1=8 10.2=5")]
    [InlineData(2567, "9.1=10 9.2=8 9.3=4 9.4=4 9.5=4 10.1=8 10.2=5")]
    [InlineData(2568, "9.1=5 9.2=6 9.3=2 9.4=3 9.5=4 10.1=4 10.2=2")]
    public void OIT_items_follow_each_year_numbering(int fiscalYear, string expected)
    {
        var counts = Surveys.Year(fiscalYear).Questionnaire("OIT").Questions
            .GroupBy(q => q.SubIndicator)
            .Select(g => $"{g.Key}={g.Count()}");

        Assert.Equal(expected, string.Join(" ", counts));
    }

    [Fact]
    public void The_2565_I14_wording_is_the_seed_report_wording()
    {
        var i14 = Surveys.Year(2565).Questionnaire("IIT").Questions.Single(q => q.Code == "I14");

        Assert.Equal("ท่านได้รับการประเมินผลการปฏิบัติงาน จากผู้บังคับบัญชาอย่างเป็นธรรม มากน้อยเพียงใด", i14.Text.Th);
        Assert.Equal("3", i14.Indicator);
    }

    [Fact]
    public void Reverse_scored_IIT_questions_are_marked_negative()
    {
        var negative = Surveys.Year(2566).Questionnaire("IIT").AnswerFields()
            .Where(f => f.Direction == Model.Direction.Negative)
            .Select(f => f.Code.Split('.')[0])
            .Distinct();

        Assert.Equal(["I4", "I5", "I6", "I9", "I10", "I11", "I16", "I17", "I18", "I19", "I22"], negative);
    }
}
