using QRCoder;

namespace ItaSurvey.Web.Sharing;

/// <summary>
/// QR codes of survey links. Error correction level Q (25 %) survives printing, smudges and
/// a poster behind glass; the 4-module quiet zone is kept so phones find the code.
/// </summary>
public static class QrImages
{
    public const QRCodeGenerator.ECCLevel Correction = QRCodeGenerator.ECCLevel.Q;

    /// <summary>The PNG sizes offered (approximate width in pixels).</summary>
    public static readonly int[] PngSizes = [256, 512, 1024];

    /// <summary>The dark/light modules, quiet zone included, row by row.</summary>
    public static bool[][] Matrix(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, Correction);
        return data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray()).ToArray();
    }

    /// <summary>A PNG as close to <paramref name="size"/> pixels wide as whole pixels per module allow.</summary>
    public static byte[] Png(string url, int size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, Correction);
        var modules = data.ModuleMatrix.Count;
        return new PngByteQRCode(data).GetGraphic(Math.Max(1, size / modules));
    }

    /// <summary>A scalable SVG (viewBox only, so it fills whatever box it is placed in).</summary>
    public static string Svg(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, Correction);
        return new SvgQRCode(data).GetGraphic(10, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
