using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ItaSurvey.Web.Tests.Oit;

/// <summary>Thai pages and PDFs made in the test, the kinds of evidence agencies publish and the hostile ones.</summary>
public static class EvidenceDocuments
{
    public static string Page(string title, string body) =>
        $"<!doctype html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>{title}</title><style>.x{{content:'2566'}}</style>"
        + $"<script>var year = 2566;</script></head><body><nav>หน้าแรก</nav><main>{body}</main></body></html>";

    /// <summary>The page's text in Windows-874 (TIS-620 and the Windows extras), as older Thai sites serve it.</summary>
    public static byte[] ThaiLegacy(string page)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(874).GetBytes(page);
    }

    /// <summary>A PDF whose pages carry these lines in Thai, drawn with the bundled font that has Thai and Latin glyphs.</summary>
    public static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fonts", "ItaSurveySans-Regular.ttf")));
        var page = builder.AddPage(595, 842);
        var y = 780.0;
        foreach (var line in lines)
        {
            page.AddText(line, 14, new PdfPoint(50, y), font);
            y -= 24;
        }
        return builder.Build();
    }

    /// <summary>A scanned document: pages with a drawn shape and no text at all.</summary>
    public static byte[] ScanOnlyPdf()
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < 3; i++)
        {
            builder.AddPage(595, 842).DrawRectangle(new PdfPoint(40, 40), 500, 700, 3, fill: true);
        }
        return builder.Build();
    }

    /// <summary>A small PDF with a page of Latin text (standard font) for the octet-stream case.</summary>
    public static byte[] LatinPdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(595, 842).AddText(text, 12, new PdfPoint(50, 780), font);
        return builder.Build();
    }

    /// <summary>A PDF bomb: one Flate stream of a few hundred KB that inflates to <paramref name="inflatedMegabytes"/> MB.</summary>
    public static byte[] BombPdf(int inflatedMegabytes)
    {
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < inflatedMegabytes; i++)
            {
                zlib.Write(zeros);
            }
        }
        var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        Write("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n");
        Write($"4 0 obj\n<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n");
        compressed.Position = 0;
        compressed.CopyTo(pdf);
        Write("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>An HTML page of <paramref name="count"/> links after a heading naming the year and the item.</summary>
    public static async Task WriteManyLinksAsync(Stream body, int count, CancellationToken cancellationToken)
    {
        await body.WriteAsync(Encoding.UTF8.GetBytes(Page("แผนผังโครงสร้าง ปีงบประมาณ 2566", "<h1>แผนผังโครงสร้าง ตำแหน่ง ปี 2566</h1>"))[..^14], cancellationToken);
        var chunk = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            chunk.Append("<a href=\"/d/").Append(i).Append("\">เอกสาร ").Append(i).Append("</a>");
            if (chunk.Length > 32_000)
            {
                await body.WriteAsync(Encoding.UTF8.GetBytes(chunk.ToString()), cancellationToken);
                chunk.Clear();
            }
        }
        await body.WriteAsync(Encoding.UTF8.GetBytes(chunk + "</body></html>"), cancellationToken);
    }
}
