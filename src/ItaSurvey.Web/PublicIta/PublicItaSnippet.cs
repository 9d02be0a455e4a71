using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ItaSurvey.Web.PublicIta;

/// <summary>
/// The HTML an agency pastes into its own website to point at its public ITA page: a text link
/// and the page's QR code. Every value goes through the framework's HTML encoder, so an agency
/// name like <c>"&gt;&lt;script&gt;…</c> stays text on the agency's site; nothing in it runs.
/// </summary>
public static class PublicItaSnippet
{
    // Thai stays readable in the pasted code; quotes, <, >, & and the like are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Html(string pageUrl, string agencyName, int fiscalYear)
    {
        var text = $"ข้อมูลการเปิดเผยข้อมูลสาธารณะ (ITA) ของ{agencyName} ปีงบประมาณ พ.ศ. {fiscalYear}";
        var image = pageUrl + "/qr.png?size=256";
        return $"<a href=\"{Encoder.Encode(pageUrl)}\"><img src=\"{Encoder.Encode(image)}\" width=\"256\" height=\"256\" alt=\"QR code: {Encoder.Encode(text)}\"><br>{Encoder.Encode(text)}</a>";
    }
}
