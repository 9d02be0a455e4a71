using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace ItaSurvey.Web.Tests.Sharing;

/// <summary>Reads QR codes back with ZXing, an implementation independent of the generator.</summary>
internal static partial class QrDecoding
{
    public static string FromPng(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a PNG");
        return FromBitmap(bitmap);
    }

    /// <summary>
    /// Rasterises the SVG's dark shapes (rectangles and the axis-aligned "Mx yhWvHh-Wz" runs of its
    /// path, the only shapes a QR code needs) and decodes the picture.
    /// </summary>
    public static string FromSvg(string svg)
    {
        var viewBox = ViewBox().Match(svg).Groups;
        var (width, height) = (Number(viewBox[1].Value), Number(viewBox[2].Value));
        const float scale = 8f; // eight pixels a module: ZXing reads small renderings unreliably
        using var bitmap = new SKBitmap((int)(width * scale), (int)(height * scale));
        using (var canvas = new SKCanvas(bitmap))
        using (var black = new SKPaint { Color = SKColors.Black })
        {
            canvas.Clear(SKColors.White);
            foreach (Match rect in Rect().Matches(svg))
            {
                if (rect.Value.Contains("#ffffff", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                canvas.DrawRect(Number(Attribute(rect.Value, "x")) * scale, Number(Attribute(rect.Value, "y")) * scale,
                    Number(Attribute(rect.Value, "width")) * scale, Number(Attribute(rect.Value, "height")) * scale, black);
            }
            foreach (Match run in PathRun().Matches(svg))
            {
                canvas.DrawRect(Number(run.Groups[1].Value) * scale, Number(run.Groups[2].Value) * scale,
                    Number(run.Groups[3].Value) * scale, Number(run.Groups[4].Value) * scale, black);
            }
        }
        return FromBitmap(bitmap);
    }

    /// <summary>Every QR code on every page of a PDF, rendered with poppler's pdftoppm; null when pdftoppm is missing.</summary>
    public static List<string>? FromPdf(byte[] pdf)
    {
        if (!File.Exists("/usr/bin/pdftoppm"))
        {
            return null;
        }
        var folder = Directory.CreateTempSubdirectory("itasurvey-pdf-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "doc.pdf"), pdf);
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/pdftoppm", ["-r", "150", "-png", "doc.pdf", "page"]) { WorkingDirectory = folder })!;
            process.WaitForExit(TimeSpan.FromSeconds(60));
            var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
            var found = new List<string>();
            foreach (var page in Directory.GetFiles(folder, "page*.png").Order())
            {
                using var bitmap = SKBitmap.Decode(page);
                var results = reader.DecodeMultiple(Luminance(bitmap)) ?? [];
                found.AddRange(results.Select(r => r.Text));
            }
            return found;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string FromBitmap(SKBitmap bitmap)
    {
        // A rendering of one code alone: PureBarcode reads it from its exact module grid.
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = true } };
        return reader.Decode(Luminance(bitmap))?.Text ?? throw new InvalidOperationException("no QR code found");
    }

    private static RGBLuminanceSource Luminance(SKBitmap bitmap)
    {
        using var bgra = bitmap.Copy(SKColorType.Bgra8888);
        return new RGBLuminanceSource(bgra.Bytes, bgra.Width, bgra.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
    }

    private static string Attribute(string element, string name) => Regex.Match(element, $@"\b{name}=""([^""]+)""").Groups[1].Value;

    private static float Number(string text) => float.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"viewBox=""0 0 ([\d.]+) ([\d.]+)""")]
    private static partial Regex ViewBox();

    [GeneratedRegex(@"M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z")]
    private static partial Regex PathRun();

    [GeneratedRegex(@"<rect [^>]*>")]
    private static partial Regex Rect();
}
