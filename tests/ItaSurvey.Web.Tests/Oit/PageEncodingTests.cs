using System.Text;
using ItaSurvey.Web.Oit;

namespace ItaSurvey.Web.Tests.Oit;

/// <summary>Pages are decoded as a browser would: mark, header, meta element, then UTF-8 or, failing that, Thai Windows-874.</summary>
public sealed class PageEncodingTests
{
    private const string Thai = "แผนผังโครงสร้าง ปี ๒๕๖๖";

    private static byte[] Legacy(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(874).GetBytes(text);
    }

    [Theory]
    [InlineData("TIS-620")]
    [InlineData("tis620")]
    [InlineData("ISO-8859-11")]
    [InlineData("windows-874")]
    [InlineData("\"x-windows-874\"")]
    public void Every_label_of_the_thai_legacy_sets_reads_thai_text(string label) =>
        Assert.Equal(Thai, PageEncoding.Decode(Legacy(Thai), label, html: false));

    [Fact]
    public void The_header_wins_over_the_meta_element_and_the_meta_element_over_the_default()
    {
        var page = Legacy($"<html><head><meta charset=\"windows-874\"></head><body>{Thai}</body></html>");

        Assert.Contains(Thai, PageEncoding.Decode(page, null, html: true), StringComparison.Ordinal);
        Assert.DoesNotContain(Thai, PageEncoding.Decode(page, "utf-8", html: true), StringComparison.Ordinal);
    }

    [Fact]
    public void A_meta_element_is_read_only_in_html_and_only_in_the_first_1024_bytes()
    {
        var late = Legacy(new string(' ', 1100) + $"<meta charset=\"utf-8\">{Thai}");
        var text = Legacy($"<meta charset=\"utf-8\">{Thai}");

        Assert.EndsWith(Thai, PageEncoding.Decode(late, null, html: true), StringComparison.Ordinal); // not UTF-8 bytes, so Thai legacy
        Assert.EndsWith(Thai, PageEncoding.Decode(text, null, html: false), StringComparison.Ordinal);
        Assert.Equal("utf-8", PageEncoding.MetaCharset(Encoding.ASCII.GetBytes("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=utf-8'>")));
    }

    [Fact]
    public void Undeclared_utf_8_stays_utf_8_a_byte_order_mark_wins_and_an_unknown_label_is_ignored()
    {
        var utf8 = Encoding.UTF8.GetBytes(Thai);

        Assert.Equal(Thai, PageEncoding.Decode(utf8, null, html: true));
        Assert.Equal(Thai, PageEncoding.Decode([0xEF, 0xBB, 0xBF, .. utf8], "windows-874", html: true));
        Assert.Equal(Thai, PageEncoding.Decode(utf8, "no-such-charset", html: true));
        Assert.Equal(Thai, PageEncoding.Decode(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Thai)).ToArray(), null, html: true));
    }
}
