using System.IO.Compression;
using System.Text;
using ItaSurvey.Core.Evidence;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ItaSurvey.Web.Oit;

/// <summary>
/// The text of a PDF (PdfPig), first pages only. Before PdfPig sees it, every Flate stream is
/// inflated into nothing with a running total, so a PDF bomb (a few KB inflating to gigabytes)
/// is refused as too large instead of filling memory; PdfPig itself has no such limit.
/// </summary>
public static class PdfEvidenceText
{
    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();

    public static (FetchResult Result, string Text, string? Failure) Extract(byte[] pdf, LinkCheckOptions limits, CancellationToken cancellationToken)
    {
        if (InflatesBeyond(pdf, limits.MaxDecompressedBytes, cancellationToken))
        {
            return (FetchResult.TooLarge, "", $"เนื้อหาที่บีบอัดไว้ขยายได้เกิน {limits.MaxDecompressedBytes / (1024 * 1024)} MB");
        }
        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var pages = Math.Min(document.NumberOfPages, limits.MaxPdfPages);
            var text = new StringBuilder();
            for (var number = 1; number <= pages && text.Length < limits.MaxTextCharacters; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                text.Append(ContentOrderTextExtractor.GetText(document.GetPage(number))).Append('\n');
            }
            if (text.ToString().All(char.IsWhiteSpace))
            {
                return (FetchResult.ScanOnly, "", $"PDF {document.NumberOfPages} หน้า ไม่มีข้อความใน {pages} หน้าแรก");
            }
            var kept = text.Length <= limits.MaxTextCharacters ? text.ToString() : text.ToString(0, limits.MaxTextCharacters);
            return (FetchResult.Text, kept, document.NumberOfPages > pages ? $"อ่าน {pages} หน้าแรกจาก {document.NumberOfPages} หน้า" : null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // PdfPig throws many types on damaged files; what matters is that this one cannot be read.
            return (FetchResult.Damaged, "", "PDF อ่านไม่ได้");
        }
    }

    /// <summary>True when the document's Flate streams inflate to more than <paramref name="limit"/> bytes in all.</summary>
    internal static bool InflatesBeyond(byte[] pdf, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        var span = pdf.AsSpan();
        for (var at = span.IndexOf(StreamKeyword); at >= 0; at = Next(span, at))
        {
            var start = at + StreamKeyword.Length;
            if (start < pdf.Length && pdf[start] == '\r')
            {
                start++;
            }
            if (start >= pdf.Length || pdf[start] != '\n')
            {
                continue; // "endstream" or a word, not the start of a stream's data
            }
            start++;
            try
            {
                using var inflating = new ZLibStream(new MemoryStream(pdf, start, pdf.Length - start, writable: false), CompressionMode.Decompress);
                int read;
                while ((read = inflating.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > limit)
                    {
                        return true;
                    }
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            catch (InvalidDataException)
            {
                // Not Flate data (an image, plain content) or a damaged stream: PdfPig decides.
            }
        }
        return false;
    }

    private static int Next(ReadOnlySpan<byte> pdf, int at)
    {
        var found = pdf[(at + 1)..].IndexOf(StreamKeyword);
        return found < 0 ? -1 : at + 1 + found;
    }
}
