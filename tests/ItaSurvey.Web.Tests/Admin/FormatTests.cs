using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Rounds;

namespace ItaSurvey.Web.Tests.Admin;

public class FormatTests
{
    [Fact]
    public void Moments_show_in_Thai_time_with_Buddhist_Era_years() =>
        Assert.Equal("1 ม.ค. 2567 06:30 น.", AdminFormat.Moment(new DateTime(2023, 12, 31, 23, 30, 0, DateTimeKind.Utc)));

    [Fact]
    public void A_round_is_upcoming_open_on_both_end_days_then_closed()
    {
        var opens = new DateOnly(2023, 4, 1);
        var closes = new DateOnly(2023, 6, 30);

        Assert.Equal("ยังไม่เปิด", AdminFormat.RoundState(opens, closes, new DateOnly(2023, 3, 31)).Text);
        Assert.Equal("เปิดรับคำตอบ", AdminFormat.RoundState(opens, closes, opens).Text);
        Assert.Equal("เปิดรับคำตอบ", AdminFormat.RoundState(opens, closes, closes).Text);
        Assert.Equal("ปิดรับแล้ว", AdminFormat.RoundState(opens, closes, new DateOnly(2023, 7, 1)).Text);
    }

    [Fact]
    public void Public_links_are_typed_out_in_full_from_the_sites_base_address()
    {
        Assert.Equal("https://ita.example.go.th/go/eit/ABC123", RoundOverview.SurveyUrl("https://ita.example.go.th/", "EIT", "ABC123"));
        Assert.Equal("https://ita.example.go.th/go/iit/ABC123?k=K2345", RoundOverview.SurveyUrl("https://ita.example.go.th/", "IIT", "ABC123", "K2345"));
    }

    [Fact]
    public void A_long_URL_may_wrap_only_after_a_slash_of_its_path() =>
        Assert.Equal(["https://ita.example.go.th/", "go/", "eit/", "ABC123"], AdminFormat.UrlParts("https://ita.example.go.th/go/eit/ABC123"));

    [Fact]
    public void An_audit_filter_writes_only_what_differs_from_the_defaults()
    {
        Assert.Equal("/admin/audit", new AuditFilter().Url());
        Assert.Equal("/admin/audit?agency=3&action=oit.update&page=2", new AuditFilter(3, "oit.update", 2).Url());
        Assert.Equal("/admin/audit?action=a%26b", new AuditFilter(Action: "a&b").Url());
    }
}
