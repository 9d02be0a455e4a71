using ItaSurvey.Web.Forms;
using ItaSurvey.Web.Oit;

namespace ItaSurvey.Web.Tests.Admin;

public class OitItemFormTests
{
    private static OitItemForm Item(bool? present, params string[] urls) =>
        new() { Code = "O4", Title = "ข้อมูลการติดต่อ", Present = present, Urls = urls.Select(u => new OitUrlEntry { Text = u }).ToList() };

    [Theory]
    [InlineData("https://www.klongwan.go.th/contact")]
    [InlineData("http://klongwan.go.th/")]
    [InlineData("  https://klongwan.go.th/ข่าว?id=5  ")]
    [InlineData("")]
    public void Full_http_and_https_addresses_and_blank_rows_pass(string url) =>
        Assert.Null(WebUrls.Problem(url));

    [Theory]
    [InlineData("www.klongwan.go.th")]
    [InlineData("/contact")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://klongwan.go.th/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("  javascript:alert(document.domain)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    public void Anything_else_is_refused_with_a_Thai_reason(string url) =>
        Assert.Equal("URL ต้องเป็นที่อยู่เต็มที่ขึ้นต้นด้วย https:// หรือ http://", WebUrls.Problem(url));

    [Fact]
    public void A_URL_over_2000_characters_is_refused()
    {
        var url = "https://klongwan.go.th/" + new string('a', 1990);

        Assert.Equal("URL ยาวได้ไม่เกิน 2,000 ตัวอักษร", WebUrls.Problem(url));
    }

    [Fact]
    public void An_item_marked_present_needs_at_least_one_URL()
    {
        Assert.True(Item(true, "", " ").Validate().Has("Urls"));
        Assert.False(Item(false).Validate().Any);
        Assert.False(Item(null).Validate().Any);
    }

    [Fact]
    public void Errors_name_the_row_of_the_bad_URL()
    {
        var errors = Item(true, "https://ok.go.th/", "bad").Validate();

        Assert.Equal(["Url1"], errors.Fields);
    }

    [Fact]
    public void URLs_are_stored_trimmed_once_each_without_blank_rows()
    {
        var item = Item(true, " https://a.go.th/ ", "", "https://a.go.th/", "https://b.go.th/");

        Assert.Equal(["https://a.go.th/", "https://b.go.th/"], item.CleanUrls());
    }

    [Fact]
    public void More_than_ten_URLs_or_a_long_explanation_are_refused()
    {
        var item = Item(true, Enumerable.Range(0, 11).Select(i => $"https://a.go.th/{i}").ToArray());
        item.Explanation = new string('ก', 4001);

        var errors = item.Validate();

        Assert.True(errors.Has("Urls"));
        Assert.True(errors.Has("Explanation"));
    }

    [Fact]
    public void A_link_check_reads_as_Thai_with_a_tone()
    {
        var at = new DateTime(2023, 5, 2, 3, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new LinkCheck("ยังไม่ได้ตรวจลิงก์", "pending"), LinkCheck.Of(null, null, null));
        Assert.Equal(new LinkCheck("เปิดได้ (HTTP 200) · ตรวจเมื่อ 2 พ.ค. 2566 10:00 น.", "ok"), LinkCheck.Of(200, null, at));
        Assert.Equal("bad", LinkCheck.Of(404, null, at).Tone);
        Assert.Equal("ไม่ตอบสนอง: timeout · ตรวจเมื่อ 2 พ.ค. 2566 10:00 น.", LinkCheck.Of(null, "timeout", at).Text);
    }

    [Fact]
    public void An_edited_URL_no_longer_shows_the_stored_URLs_check()
    {
        var entry = new OitUrlEntry { Text = "https://a.go.th/", StoredUrl = "https://a.go.th/", LastStatus = 200, LastCheckedAt = DateTime.UtcNow };

        Assert.Equal("ok", entry.Check.Tone);
        entry.Text = "https://b.go.th/";
        Assert.Equal(new LinkCheck("", "pending"), entry.Check);
    }
}
