using System.Text;
using System.Text.Json;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace ItaSurvey.Bench.Evidence;

/// <summary>One OIT item of the year: its code, Thai title and expected words (from surveys/2566/oit.json).</summary>
internal sealed record CorpusItem(string Code, string Title, IReadOnlyList<string> Keywords);

/// <summary>
/// The documents of an agency's "ITA 2566" pages as the benchmark's site serves them: Thai HTML
/// pages the size of a municipal CMS page (menus, inline script, a table of documents; 60–75 KB)
/// and text PDFs of 1–12 pages with an embedded Thai font, for the right year and for last year,
/// plus a soft 404 page and a scanned PDF (one 1.5 MB image, no text).
/// </summary>
internal static class EvidenceCorpus
{
    private static readonly string[] Sentences =
    [
        "เทศบาลตำบลได้ดำเนินการตามอำนาจหน้าที่ที่กฎหมายกำหนด เพื่อประโยชน์สุขของประชาชนในพื้นที่",
        "ประชาชนสามารถติดต่อสอบถามข้อมูลเพิ่มเติมได้ที่สำนักปลัดเทศบาลในวันและเวลาราชการ",
        "การดำเนินงานเป็นไปด้วยความโปร่งใส ตรวจสอบได้ และเปิดโอกาสให้ประชาชนมีส่วนร่วม",
        "รายละเอียดตามเอกสารแนบท้ายประกาศนี้ ซึ่งได้เผยแพร่ทางเว็บไซต์ของหน่วยงานแล้ว",
        "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป จึงประกาศมาให้ทราบโดยทั่วกัน",
        "กองคลังได้รวบรวมข้อมูลและจัดทำรายงานเสนอต่อผู้บริหารเพื่อพิจารณาอนุมัติ",
    ];

    /// <summary>The 43 items of 2566, read from the year's JSON the benchmark copies beside itself.</summary>
    public static IReadOnlyList<CorpusItem> Items()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "surveys", "2566", "oit.json")));
        return [.. json.RootElement.GetProperty("questions").EnumerateArray().Select(q => new CorpusItem(
            q.GetProperty("code").GetString()!, q.GetProperty("text").GetProperty("th").GetString()!,
            [.. q.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!)]))];
    }

    public static byte[] Html(CorpusItem item, int year, int variant)
    {
        var page = new StringBuilder(96 * 1024);
        page.Append("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(item.Title).Append(" ประจำปีงบประมาณ พ.ศ. ").Append(year).Append(" - เทศบาลตำบลตัวอย่าง</title><style>");
        for (var i = 0; i < 60; i++)
        {
            page.Append(".menu-").Append(i).Append("{color:#123456;margin:0 4px;padding:2px 8px;border-bottom:1px solid #ccc}");
        }
        page.Append("</style><script>window.dataLayer=window.dataLayer||[];");
        for (var i = 0; i < 160; i++)
        {
            page.Append("function f").Append(i).Append("(a,b){return a.filter(function(x){return x.id!==b}).map(function(x){return x.name})}");
        }
        page.Append("</script></head><body><header><nav><ul>");
        for (var i = 0; i < 240; i++)
        {
            page.Append("<li class=\"menu-").Append(i % 60).Append("\"><a href=\"/page/").Append(i).Append("\">เมนูข้อมูลหน่วยงาน ").Append(i).Append("</a></li>");
        }
        page.Append("</ul></nav></header><main><h1>").Append(item.Title).Append("</h1><p>ประจำปีงบประมาณ พ.ศ. ").Append(year).Append("</p>");
        foreach (var keyword in item.Keywords)
        {
            page.Append("<h2>").Append(keyword).Append("</h2><p>").Append(Sentences[(keyword.Length + variant) % Sentences.Length]).Append("</p>");
        }
        page.Append("<table><tr><th>ลำดับ</th><th>เอกสาร</th><th>วันที่</th></tr>");
        for (var row = 1; row <= 20 + variant * 15; row++)
        {
            page.Append("<tr><td>").Append(row).Append("</td><td><a href=\"/files/").Append(item.Code).Append('-').Append(row).Append(".pdf\">")
                .Append(item.Title).Append(' ').Append(Sentences[row % Sentences.Length]).Append("</a></td><td>")
                .Append(row % 28 + 1).Append(" มีนาคม ").Append(year).Append("</td></tr>");
        }
        page.Append("</table></main><footer><p>เทศบาลตำบลตัวอย่าง 99 หมู่ 1 ตำบลตัวอย่าง อำเภอเมือง โทรศัพท์ 0 3261 0000</p>")
            .Append("<p>สงวนลิขสิทธิ์ พ.ศ. 2560–").Append(year).Append("</p></footer></body></html>");
        return Encoding.UTF8.GetBytes(page.ToString());
    }

    /// <summary>A page that answers 200 and says the page does not exist, as many CMSs do.</summary>
    public static byte[] SoftNotFound() => Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>เทศบาลตำบลตัวอย่าง</title></head>"
        + "<body><h1>ขออภัย ไม่พบหน้าที่คุณต้องการ</h1><p>หน้านี้อาจถูกลบหรือย้ายไปแล้ว</p><p>© 2566</p></body></html>");

    /// <summary>A text PDF: the item's title and year, its words, and pages of Thai sentences (about 30 lines a page).</summary>
    public static byte[] Pdf(CorpusItem item, int year, int pages, byte[] font)
    {
        var builder = new PdfDocumentBuilder();
        var thai = builder.AddTrueTypeFont(font);
        for (var number = 1; number <= pages; number++)
        {
            var page = builder.AddPage(595, 842);
            var y = 790.0;
            void Line(string text)
            {
                page.AddText(text, 12, new PdfPoint(50, y), thai);
                y -= 24;
            }
            Line($"{item.Title} ประจำปีงบประมาณ พ.ศ. {year} หน้า {number}");
            foreach (var keyword in item.Keywords)
            {
                Line(keyword);
            }
            while (y > 60)
            {
                Line(Sentences[(int)(y / 24 + number) % Sentences.Length]);
            }
        }
        return builder.Build();
    }

    /// <summary>A scanned document: one page showing one image of about 1.5 MB (JPEG-labelled noise), no text.</summary>
    public static byte[] ScannedPdf()
    {
        var image = new byte[1536 * 1024];
        new Random(2566).NextBytes(image);
        var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        Write("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>\nendobj\n");
        const string content = "q 595 0 0 842 0 0 cm /Im1 Do Q";
        Write($"4 0 obj\n<< /Length {content.Length} >>\nstream\n{content}\nendstream\nendobj\n");
        Write($"5 0 obj\n<< /Type /XObject /Subtype /Image /Width 1240 /Height 1754 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length {image.Length} >>\nstream\n");
        pdf.Write(image);
        Write("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 6 >>\n%%EOF\n");
        return pdf.ToArray();
    }
}
