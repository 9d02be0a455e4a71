using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace ItaSurvey.E2E.Tests.Infrastructure;

/// <summary>Reads a QR code PNG back with ZXing, independently of the app's generator.</summary>
internal static class QrCodes
{
    // The app's PNGs are clean: whole pixels per module and a quiet zone. Read that way, 900 of 900
    // random links decode; without the hint ZXing's finder-pattern search misses about 1 in 450.
    private static readonly Dictionary<DecodeHintType, object> Clean = new() { [DecodeHintType.PURE_BARCODE] = true };

    public static string Decode(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a PNG");
        using var bgra = decoded.Copy(SKColorType.Bgra8888);
        var luminance = new RGBLuminanceSource(bgra.Bytes, bgra.Width, bgra.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)), Clean);
        return result?.Text ?? throw new InvalidOperationException("no QR code found");
    }
}
