using ScottPlot;

namespace ItaSurvey.Web.Charts;

/// <summary>
/// The chart font "ItaSurvey Sans": Noto Sans and Noto Sans Thai merged into one face by
/// make-chart-font.py, because ScottPlot draws each label with one typeface and our labels mix
/// Thai and digits. It ships twice: Fonts/*.ttf for rendering here, wwwroot/fonts/*.woff2 for
/// browsers showing an SVG chart (its text stays text), so neither side needs Thai system fonts.
/// </summary>
public static class ChartFonts
{
    public const string Family = "ItaSurvey Sans";

    /// <summary>The CSS font stack written on SVG text: the web font first, then whatever Thai the viewer has.</summary>
    public const string CssFamily = "'ItaSurvey Sans', 'Noto Sans Thai', 'Noto Sans', sans-serif";

    /// <summary>Where the web font is served (wwwroot/fonts).</summary>
    public const string DefaultWebFontPath = "/fonts/";

    private static readonly Lazy<string> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RegularFile => Path.Combine(AppContext.BaseDirectory, "Fonts", "ItaSurveySans-Regular.ttf");

    public static string BoldFile => Path.Combine(AppContext.BaseDirectory, "Fonts", "ItaSurveySans-Bold.ttf");

    /// <summary>Registers the font with ScottPlot's global font list, once per process.</summary>
    public static string EnsureRegistered() => Registered.Value;

    /// <summary>The @font-face rules for the web copies under <paramref name="basePath"/> ("/fonts/").</summary>
    public static string FontFaceCss(string basePath = DefaultWebFontPath) =>
        FontFace(basePath, "regular", 400) + FontFace(basePath, "bold", 700);

    private static string FontFace(string basePath, string style, int weight) =>
        $"@font-face{{font-family:'{Family}';src:url('{basePath}itasurveysans-{style}.woff2') format('woff2');font-weight:{weight};font-style:normal;font-display:swap}}";

    private static string Register()
    {
        foreach (var file in new[] { RegularFile, BoldFile })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException("The bundled chart font is missing.", file);
            }
        }
        Fonts.AddFontFile(Family, RegularFile, bold: false, italic: false);
        Fonts.AddFontFile(Family, BoldFile, bold: true, italic: false);
        return Family;
    }
}
