using ItaSurvey.Web.Sharing;
using ItaSurvey.Web.Tests.Reports;
using SkiaSharp;
using UglyToad.PdfPig;

namespace ItaSurvey.Web.Tests.Sharing;

public class PdfTextTests
{
    // Tone marks over tall vowels (ที่, ป่), sara am (น้ำ, กำ) and letters whose shape changes under a
    // mark (ญ, ฐ) are drawn with glyphs that have no character of their own.
    [Theory]
    [InlineData("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ที่ต้องแก้ไขโดยเร่งด่วน")]
    [InlineData("ผู้ใหญ่ น้ำ ฐาน ญาติ ปู่ ป่า ฝั่ง กำ ที่นั่น ปีงบประมาณ พ.ศ. 2566 (ITA)")]
    public void Shaped_Thai_copies_back_out_of_the_PDF_as_the_same_characters(string thai)
    {
        using var text = new PdfText();
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream))
        {
            var canvas = document.BeginPage(595, 842);
            text.DrawWrapped(canvas, thai, 40, 100, 400, 12, SKColors.Black);
            document.EndPage();
            document.Close();
        }

        using var pdf = PdfDocument.Open(stream.ToArray());

        Assert.Equal(PdfReading.Squeezed(thai), PdfReading.Squeezed(PdfReading.Text(pdf.GetPage(1))));
    }
}
