using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace ItaSurvey.Web.Sharing;

/// <summary>
/// Thai and Latin text for PDFs, shaped with HarfBuzz so vowels and tone marks sit where they
/// belong. Fonts ship with the app (Fonts/, SIL OFL): the machine needs no Thai fonts. Each run
/// of Thai or non-Thai characters is shaped with the font that has its glyphs.
/// </summary>
public sealed class PdfText : IDisposable
{
    private readonly SKTypeface _thai, _thaiBold, _latin, _latinBold;
    private readonly Dictionary<SKTypeface, SKShaper> _shapers = [];

    public PdfText()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fonts");
        _thai = Load(folder, "NotoSansThai-Regular.ttf");
        _thaiBold = Load(folder, "NotoSansThai-Bold.ttf");
        _latin = Load(folder, "NotoSans-Regular.ttf");
        _latinBold = Load(folder, "NotoSans-Bold.ttf");
    }

    /// <summary>The width of a line of text at a size, in points.</summary>
    public float Measure(string text, float size, bool bold = false) =>
        Runs(text, bold).Sum(run => Shaper(run.Typeface).Shape(run.Text, Font(run.Typeface, size)).Width);

    /// <summary>Draws one line; x is the left, centre or right edge depending on <paramref name="align"/>.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float baseline, float size, SKColor color, bool bold = false, SKTextAlign align = SKTextAlign.Left)
    {
        var width = Measure(text, size, bold);
        var left = align switch { SKTextAlign.Center => x - width / 2, SKTextAlign.Right => x - width, _ => x };
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        foreach (var run in Runs(text, bold))
        {
            using var font = Font(run.Typeface, size);
            left += DrawRun(canvas, Shaper(run.Typeface), run.Text, left, baseline, font, paint);
        }
    }

    // Each glyph run carries its UTF-8 text and HarfBuzz's clusters, so the PDF maps every glyph
    // back to its characters: a tone mark moved for a tall vowel, or sara am split in two, would
    // otherwise copy and search as nothing or as other characters.
    private static float DrawRun(SKCanvas canvas, SKShaper shaper, string text, float x, float baseline, SKFont font, SKPaint paint)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf8(utf8);
        buffer.GuessSegmentProperties();
        var shaped = shaper.Shape(buffer, x, baseline, font);
        if (shaped.Codepoints.Length == 0)
        {
            return 0;
        }
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(font, shaped.Codepoints.Length, utf8.Length);
        run.SetGlyphs(shaped.Codepoints.Select(g => (ushort)g).ToArray());
        run.SetPositions(shaped.Points);
        run.SetText(utf8);
        run.SetClusters(shaped.Clusters);
        using var blob = builder.Build();
        canvas.DrawText(blob, 0, 0, paint);
        return shaped.Width;
    }

    /// <summary>Draws one line at <paramref name="size"/>, or smaller if that is what it takes to fit <paramref name="maxWidth"/>.</summary>
    public void DrawFitted(SKCanvas canvas, string text, float x, float baseline, float maxWidth, float size, SKColor color, bool bold = false)
    {
        var width = Measure(text, size, bold);
        Draw(canvas, text, x, baseline, width > maxWidth ? size * maxWidth / width : size, color, bold);
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="maxWidth"/> at spaces (Thai writes
    /// spaces between phrases, which is where our texts may break), then draws them.
    /// Returns the baseline after the last line.
    /// </summary>
    public float DrawWrapped(SKCanvas canvas, string text, float x, float baseline, float maxWidth, float size, SKColor color,
        bool bold = false, SKTextAlign align = SKTextAlign.Left, float lineHeight = 1.45f)
    {
        foreach (var line in Wrap(text, maxWidth, size, bold))
        {
            Draw(canvas, line, x, baseline, size, color, bold, align);
            baseline += size * lineHeight;
        }
        return baseline;
    }

    public IEnumerable<string> Wrap(string text, float maxWidth, float size, bool bold = false)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Measure(candidate, size, bold) > maxWidth)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        if (line.Length > 0)
        {
            yield return line;
        }
    }

    public void Dispose()
    {
        foreach (var shaper in _shapers.Values)
        {
            shaper.Dispose();
        }
        _thai.Dispose();
        _thaiBold.Dispose();
        _latin.Dispose();
        _latinBold.Dispose();
    }

    private IEnumerable<(string Text, SKTypeface Typeface)> Runs(string text, bool bold)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || IsThai(text[i]) != IsThai(text[start]))
            {
                var thai = IsThai(text[start]);
                yield return (text[start..i], thai ? (bold ? _thaiBold : _thai) : (bold ? _latinBold : _latin));
                start = i;
            }
        }
    }

    private static bool IsThai(char c) => c is >= '\u0E00' and <= '\u0E7F';

    private SKShaper Shaper(SKTypeface typeface)
    {
        if (!_shapers.TryGetValue(typeface, out var shaper))
        {
            _shapers[typeface] = shaper = new SKShaper(typeface);
        }
        return shaper;
    }

    private static SKFont Font(SKTypeface typeface, float size) => new(typeface, size) { Subpixel = true };

    private static SKTypeface Load(string folder, string file) =>
        SKTypeface.FromFile(Path.Combine(folder, file)) ?? throw new FileNotFoundException("A bundled font is missing.", Path.Combine(folder, file));
}
