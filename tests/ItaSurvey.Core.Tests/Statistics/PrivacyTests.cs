using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Core.Tests.Statistics;

public class PrivacyTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(120, false)]
    public void A_breakdown_of_fewer_than_five_responses_is_withheld(long responses, bool withheld)
    {
        Assert.Equal(withheld, Privacy.Withhold(responses));
    }

    [Fact]
    public void The_threshold_can_be_configured()
    {
        Assert.True(Privacy.Withhold(9, k: 10));
        Assert.False(Privacy.Withhold(1, k: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Privacy.Withhold(3, k: 0));
    }

    [Fact]
    public void The_message_names_the_threshold_in_Thai_and_English()
    {
        var message = Privacy.Message();

        Assert.Equal("ข้อมูลน้อยกว่า 5 คำตอบ จึงไม่แสดงเพื่อรักษาความลับของผู้ตอบ", message.Th);
        Assert.Equal("Fewer than 5 responses, so this is not shown to protect respondents' confidentiality.", message.En);
        Assert.StartsWith("ข้อมูลน้อยกว่า 10 คำตอบ", Privacy.Message(10).Th);
    }

    [Fact]
    public void A_disclosure_hides_the_value_of_a_small_breakdown_and_keeps_a_large_one()
    {
        var hidden = Privacy.Disclose(91.7, responses: 3);
        var shown = Privacy.Disclose(91.7, responses: 30);

        Assert.True(hidden.Withheld);
        Assert.Equal(0, hidden.Value);
        Assert.Equal(Privacy.Message(), hidden.WithheldMessage);
        Assert.False(shown.Withheld);
        Assert.Equal(91.7, shown.Value);
        Assert.Null(shown.WithheldMessage);
    }
}
