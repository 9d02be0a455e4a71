using System.Globalization;
using ItaSurvey.Web.Sharing;
using SkiaSharp;

namespace ItaSurvey.Web.Reports;

/// <summary>
/// The improvement report as an A4 portrait PDF in the shape of the print page: title block,
/// opening, then each section's heading, lead and table (its header repeated on every page a
/// table continues on), and the footer with "หน้า i จาก n". Thai is shaped with the bundled fonts.
/// </summary>
public static class ImprovementPdf
{
    private const float Width = 595.28f, Height = 841.89f, Margin = 40, Bottom = Height - 48;
    private const float CellSize = 8.5f, CellLine = CellSize * 1.45f, Pad = 3;
    private static readonly SKColor Ink = new(0x17, 0x21, 0x2b), Muted = new(0x52, 0x60, 0x6d), Rule = new(0xb8, 0xc4, 0xce), HeaderFill = new(0xe8, 0xee, 0xf3);

    /// <summary>The table's columns, as on the print page, with their widths in points (515 in all).</summary>
    public static readonly (string Heading, float Width)[] Columns =
        [("ตัวชี้วัด", 85), ("ตัวชี้วัดย่อย / ข้อ", 70), ("ข้อมูลการประเมิน", 95), ("แนวทางปฏิบัติเพื่อยกระดับตัวชี้วัด", 135), ("ผู้รับผิดชอบ", 70), ("ผลการดำเนินงาน", 60)];

    /// <summary>The cells of a row in column order; the evidence link follows the action, as on the print page.</summary>
    public static string[] Cells(PrintRow row) =>
        [row.Indicator ?? "", row.Detail, row.Weakness, string.IsNullOrWhiteSpace(row.Evidence) ? row.Action : $"{row.Action} หลักฐาน: {row.Evidence}", row.Owner, row.Status];

    public static byte[] Render(PrintedReport report)
    {
        using var text = new PdfText();
        var pages = Layout(report, text);
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = report.Title, Creator = "ItaSurvey", Producer = "ItaSurvey" }))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(Width, Height);
                foreach (var draw in pages[i])
                {
                    draw(canvas);
                }
                var folio = string.Format(CultureInfo.InvariantCulture, "หน้า {0} จาก {1}", i + 1, pages.Count);
                text.Draw(canvas, report.Footer, Margin, Height - 28, 8, Muted);
                text.Draw(canvas, folio, Width - Margin, Height - 28, 8, Muted, align: SKTextAlign.Right);
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    // Everything is placed first (so the number of pages is known for the footer), then drawn.
    private static List<List<Action<SKCanvas>>> Layout(PrintedReport report, PdfText text)
    {
        var pages = new List<List<Action<SKCanvas>>> { new() };
        var y = Margin + 14f;
        var width = Width - 2 * Margin;
        void NewPage()
        {
            pages.Add([]);
            y = Margin + 10;
        }
        void Paragraph(string value, float size, bool bold = false, SKColor? color = null, SKTextAlign align = SKTextAlign.Left, float after = 6)
        {
            foreach (var line in Lines(text, value, width, size, bold))
            {
                if (y + size * 1.45f > Bottom)
                {
                    NewPage();
                }
                var (at, line2) = (y, line);
                var x = align == SKTextAlign.Center ? Width / 2 : Margin;
                pages[^1].Add(c => text.Draw(c, line2, x, at + size, size, color ?? Ink, bold, align));
                y += size * 1.45f;
            }
            y += after;
        }

        Paragraph(report.Title, 14, bold: true, align: SKTextAlign.Center, after: 2);
        Paragraph(report.Subtitle, 12, bold: true, align: SKTextAlign.Center, after: 2);
        Paragraph(report.Agency, 12, align: SKTextAlign.Center, after: 12);
        Paragraph(report.Opening, 10);
        Paragraph(report.Closing, 10);
        foreach (var note in report.Withheld)
        {
            Paragraph(note, 9, color: Muted);
        }
        foreach (var section in report.Sections)
        {
            y += 6;
            if (y + 60 > Bottom)
            {
                NewPage(); // a heading stays with the lines that follow it
            }
            Paragraph($"{section.Number}. {section.Heading}", 11, bold: true, after: 2);
            Paragraph(section.Lead, 10);
            if (section.Rows.Count == 0)
            {
                continue;
            }
            var header = Columns.Select(c => Lines(text, c.Heading, c.Width - 2 * Pad, CellSize, bold: true)).ToList();
            var headerHeight = header.Max(h => h.Count) * CellLine + 2 * Pad;
            void Header()
            {
                var top = y;
                pages[^1].Add(c => DrawRow(c, text, header, top, headerHeight, bold: true));
                y += headerHeight;
            }
            if (y + headerHeight + CellLine + 2 * Pad > Bottom)
            {
                NewPage();
            }
            Header();
            foreach (var row in section.Rows)
            {
                var cells = Cells(row).Select((value, i) => Lines(text, value, Columns[i].Width - 2 * Pad, CellSize)).ToList();
                // A row that fits on a page is never cut: it starts the next page when this one is too full.
                var needed = Math.Max(1, cells.Max(c => c.Count)) * CellLine + 2 * Pad;
                if (y + needed > Bottom && needed <= Bottom - (Margin + 10) - headerHeight)
                {
                    NewPage();
                    Header();
                }
                // A row taller than a whole page goes on in pieces, line by line, under a repeated header.
                for (var first = 0; first < Math.Max(1, cells.Max(c => c.Count));)
                {
                    var fit = (int)((Bottom - y - 2 * Pad) / CellLine);
                    if (fit < 1)
                    {
                        NewPage();
                        Header();
                        continue;
                    }
                    var start = first;
                    var piece = cells.Select(c => c.Skip(start).Take(fit).ToList()).ToList();
                    var height = Math.Max(1, piece.Max(p => p.Count)) * CellLine + 2 * Pad;
                    var top = y;
                    pages[^1].Add(c => DrawRow(c, text, piece, top, height, bold: false));
                    y += height;
                    first += fit;
                }
            }
            y += 6;
        }
        return pages;
    }

    private static void DrawRow(SKCanvas canvas, PdfText text, List<List<string>> cells, float top, float height, bool bold)
    {
        using var rule = new SKPaint { Color = Rule, IsStroke = true, StrokeWidth = 0.5f };
        if (bold)
        {
            using var fill = new SKPaint { Color = HeaderFill };
            canvas.DrawRect(Margin, top, Width - 2 * Margin, height, fill);
        }
        var x = Margin;
        for (var i = 0; i < Columns.Length; i++)
        {
            canvas.DrawRect(x, top, Columns[i].Width, height, rule);
            var baseline = top + Pad + CellSize;
            foreach (var line in cells[i])
            {
                text.Draw(canvas, line, x + Pad, baseline, CellSize, Ink, bold);
                baseline += CellLine;
            }
            x += Columns[i].Width;
        }
    }

    /// <summary>
    /// Lines no wider than <paramref name="width"/>: at line breaks, then at spaces, and a word
    /// still too wide (a URL, a long Thai phrase) between characters, never inside one.
    /// </summary>
    public static List<string> Lines(PdfText text, string value, float width, float size, bool bold = false)
    {
        var lines = new List<string>();
        foreach (var paragraph in value.Replace("\r", "").Split('\n'))
        {
            foreach (var line in text.Wrap(paragraph, width, size, bold))
            {
                if (text.Measure(line, size, bold) <= width)
                {
                    lines.Add(line);
                    continue;
                }
                var piece = "";
                var elements = StringInfo.GetTextElementEnumerator(line);
                while (elements.MoveNext())
                {
                    var next = piece + elements.GetTextElement();
                    if (piece.Length > 0 && text.Measure(next, size, bold) > width)
                    {
                        lines.Add(piece);
                        next = elements.GetTextElement();
                    }
                    piece = next;
                }
                if (piece.Length > 0)
                {
                    lines.Add(piece);
                }
            }
        }
        return lines;
    }
}
