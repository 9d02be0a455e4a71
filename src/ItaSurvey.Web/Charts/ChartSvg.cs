using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ItaSurvey.Web.Charts;

/// <summary>Makes ScottPlot's SVG fit to be put inline in a page and read by a screen reader.</summary>
internal static class ChartSvg
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Accessible(string svg, string title, string description, int width, int height, string webFontPath)
    {
        var root = Parse(svg);
        // Ids must be unique on a page that shows several charts. Skia numbers its clip paths from a
        // process-wide counter; numbering them afresh and prefixing a hash of the content keeps the
        // output the same for the same chart.
        var count = 0;
        RenameIds(root, _ => $"c{++count}");
        var prefix = "chart-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{title}\n{description}\n{root}")))[..10];
        RenameIds(root, id => $"{prefix}-{id}");

        root.SetAttributeValue("width", null);
        root.SetAttributeValue("height", null);
        root.SetAttributeValue("viewBox", $"0 0 {width} {height}");
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", $"{prefix}-title {prefix}-desc");
        root.SetAttributeValue("class", "chart-svg");
        root.SetAttributeValue("style", "display:block;width:100%;height:auto");

        foreach (var text in root.Descendants(Svg + "text"))
        {
            text.SetAttributeValue("font-family", ChartFonts.CssFamily);
        }
        root.AddFirst(
            new XElement(Svg + "title", new XAttribute("id", $"{prefix}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{prefix}-desc"), description),
            new XElement(Svg + "style", ChartFonts.FontFaceCss(webFontPath)));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Parse(string svg)
    {
        using var reader = XmlReader.Create(new StringReader(svg), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XElement.Load(reader, LoadOptions.PreserveWhitespace);
    }

    private static void RenameIds(XElement root, Func<string, string> rename)
    {
        var ids = root.Descendants().Select(e => e.Attribute("id")).OfType<XAttribute>().ToList();
        foreach (var id in ids)
        {
            var old = id.Value;
            var renamed = rename(old);
            id.Value = renamed;
            foreach (var attribute in root.DescendantsAndSelf().Attributes().Where(a => a.Value.Contains($"url(#{old})", StringComparison.Ordinal)))
            {
                attribute.Value = attribute.Value.Replace($"url(#{old})", $"url(#{renamed})", StringComparison.Ordinal);
            }
        }
    }
}
