using SkiaSharp;

namespace ItaSurvey.Web.Sharing;

/// <summary>What a poster says: everything is already in the right language.</summary>
public sealed record PosterContent(string AgencyName, string FiscalYear, string Title, string Respondents, string Instruction, string Url, string Footer);

/// <summary>One single-use slip: the agency, the link with its code, and the code to type.</summary>
public sealed record SlipContent(string AgencyName, string FiscalYear, string Url, string TypedLink, string Code);

/// <summary>A4 PDFs drawn with SkiaSharp: the poster for a service counter and sheets of IIT slips.</summary>
public static class PrintDocuments
{
    private const float A4Width = 595.28f, A4Height = 841.89f;
    private static readonly SKColor Ink = new(0x17, 0x21, 0x2b), Muted = new(0x52, 0x60, 0x6d), Brand = new(0x0b, 0x4f, 0x6c);

    /// <summary>Slips per page: two columns of five, cut along the dashed lines.</summary>
    public const int SlipColumns = 2, SlipRows = 5, SlipsPerPage = SlipColumns * SlipRows;

    public static byte[] Poster(PosterContent poster)
    {
        using var text = new PdfText();
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, Metadata(poster.Title)))
        {
            var canvas = document.BeginPage(A4Width, A4Height);
            const float margin = 56;
            var width = A4Width - 2 * margin;
            using (var band = new SKPaint { Color = Brand })
            {
                canvas.DrawRect(0, 0, A4Width, 18, band);
            }
            var y = text.DrawWrapped(canvas, poster.AgencyName, A4Width / 2, 80, width, 24, Ink, bold: true, align: SKTextAlign.Center);
            y = text.DrawWrapped(canvas, poster.FiscalYear, A4Width / 2, y + 2, width, 16, Muted, align: SKTextAlign.Center);
            y = text.DrawWrapped(canvas, poster.Title, A4Width / 2, y + 18, width, 22, Brand, bold: true, align: SKTextAlign.Center);
            y = text.DrawWrapped(canvas, poster.Respondents, A4Width / 2, y + 6, width, 14, Ink, align: SKTextAlign.Center);
            const float qrSize = 300;
            DrawQr(canvas, QrImages.Matrix(poster.Url), (A4Width - qrSize) / 2, y + 10, qrSize);
            y += 10 + qrSize + 30;
            y = text.DrawWrapped(canvas, poster.Instruction, A4Width / 2, y, width, 18, Ink, bold: true, align: SKTextAlign.Center);
            y = text.DrawWrapped(canvas, poster.Url, A4Width / 2, y + 4, width, 16, Brand, align: SKTextAlign.Center);
            text.DrawWrapped(canvas, poster.Footer, A4Width / 2, Math.Max(y + 24, A4Height - 70), width, 11, Muted, align: SKTextAlign.Center);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>Sheets of slips, <see cref="SlipsPerPage"/> to an A4 page.</summary>
    public static byte[] Slips(IReadOnlyList<SlipContent> slips, string title)
    {
        using var text = new PdfText();
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, Metadata(title)))
        {
            const float margin = 28;
            var cellWidth = (A4Width - 2 * margin) / SlipColumns;
            var cellHeight = (A4Height - 2 * margin) / SlipRows;
            var codeBaseline = 0f;
            using var template = slips.Count == 0 ? null : SlipTemplate(text, slips[0], cellWidth - 24, cellHeight - 24, out codeBaseline);
            using var cut = new SKPaint { Color = new SKColor(0x9a, 0xa5, 0xb1), IsStroke = true, StrokeWidth = 0.6f, PathEffect = SKPathEffect.CreateDash([4, 3], 0) };
            for (var first = 0; first < slips.Count; first += SlipsPerPage)
            {
                var canvas = document.BeginPage(A4Width, A4Height);
                for (var i = first; i < Math.Min(first + SlipsPerPage, slips.Count); i++)
                {
                    var x = margin + (i - first) % SlipColumns * cellWidth;
                    var y = margin + (i - first) / SlipColumns * cellHeight;
                    canvas.DrawRect(x, y, cellWidth, cellHeight, cut);
                    DrawSlip(canvas, text, template!, codeBaseline, slips[i], x + 12, y + 12, cellWidth - 24, cellHeight - 24);
                }
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    // Everything on a slip but its code and QR code is the same on every slip: it is shaped and
    // recorded once, then replayed, so 1,000 slips cost 1,000 QR codes rather than 6,000 text runs.
    private static SKPicture SlipTemplate(PdfText text, SlipContent sample, float width, float height, out float codeBaseline)
    {
        using var recorder = new SKPictureRecorder();
        var canvas = recorder.BeginRecording(SKRect.Create(width, height));
        var left = SlipQrSize(height) + 10;
        var textWidth = width - left;
        var line = text.DrawWrapped(canvas, sample.AgencyName, left, 12, textWidth, 10, Ink, bold: true, lineHeight: 1.3f);
        text.DrawFitted(canvas, "แบบวัด IIT · " + sample.FiscalYear, left, line, textWidth, 8.5f, Muted);
        text.DrawFitted(canvas, "สแกน QR code หรือเปิดลิงก์แล้วกรอกรหัส", left, line + 14, textWidth, 8.5f, Ink);
        text.DrawFitted(canvas, sample.TypedLink, left, line + 27, textWidth, 8.5f, Brand);
        text.Draw(canvas, "รหัส", left, line + 44, 8.5f, Muted);
        codeBaseline = line + 64;
        text.DrawFitted(canvas, "ใช้ได้ครั้งเดียว ไม่ผูกกับคำตอบของท่าน", left, line + 80, textWidth, 7.5f, Muted);
        return recorder.EndRecording();
    }

    private static float SlipQrSize(float height) => Math.Min(height - 6, 104f);

    private static void DrawSlip(SKCanvas canvas, PdfText text, SKPicture template, float codeBaseline, SlipContent slip, float x, float y, float width, float height)
    {
        var qrSize = SlipQrSize(height);
        DrawQr(canvas, QrImages.Matrix(slip.Url), x, y + (height - qrSize) / 2, qrSize);
        canvas.DrawPicture(template, x, y);
        text.DrawFitted(canvas, slip.Code[..5] + "-" + slip.Code[5..], x + qrSize + 10, y + codeBaseline, width - qrSize - 10, 18, Ink, bold: true);
    }

    /// <summary>Draws the modules as filled squares: vector, sharp at any print size.</summary>
    private static void DrawQr(SKCanvas canvas, bool[][] modules, float x, float y, float size)
    {
        var cell = size / modules.Length;
        using var white = new SKPaint { Color = SKColors.White };
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawRect(x, y, size, size, white);
        using var path = new SKPathBuilder();
        for (var row = 0; row < modules.Length; row++)
        {
            // One rectangle per horizontal run of dark modules keeps the PDF small.
            for (var column = 0; column < modules[row].Length; column++)
            {
                if (!modules[row][column])
                {
                    continue;
                }
                var start = column;
                while (column + 1 < modules[row].Length && modules[row][column + 1])
                {
                    column++;
                }
                path.AddRect(SKRect.Create(x + start * cell, y + row * cell, (column - start + 1) * cell, cell));
            }
        }
        using var shape = path.Detach();
        canvas.DrawPath(shape, black);
    }

    private static SKDocumentPdfMetadata Metadata(string title) => new()
    {
        Title = title, Creator = "ItaSurvey", Producer = "ItaSurvey", RasterDpi = 300, EncodingQuality = 100,
    };
}
