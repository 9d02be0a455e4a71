using UglyToad.PdfPig.Content;

namespace ItaSurvey.Web.Tests.Reports;

/// <summary>
/// A page's text as a PDF reader copies it: letters in drawing order, except that a marked span
/// with /ActualText (how the PDF says "these glyphs are these characters", used for Thai marks
/// shaped into other glyphs) reads as its actual text, once.
/// </summary>
public static class PdfReading
{
    public static string Text(Page page)
    {
        var spans = new Dictionary<Letter, MarkedContentElement>(ReferenceEqualityComparer.Instance);
        foreach (var span in Flatten(page.GetMarkedContents()).Where(m => m.ActualText is not null))
        {
            foreach (var letter in span.Letters)
            {
                spans[letter] = span;
            }
        }
        var text = new System.Text.StringBuilder();
        var done = new HashSet<MarkedContentElement>(ReferenceEqualityComparer.Instance);
        foreach (var letter in page.Letters)
        {
            if (!spans.TryGetValue(letter, out var span))
            {
                text.Append(letter.Value);
            }
            else if (done.Add(span))
            {
                text.Append(span.ActualText);
            }
        }
        return text.ToString();
    }

    /// <summary>Text compared without spaces and line breaks, which a layout adds and a reader guesses.</summary>
    public static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static IEnumerable<MarkedContentElement> Flatten(IEnumerable<MarkedContentElement> elements) =>
        elements.SelectMany(e => new[] { e }.Concat(Flatten(e.Children)));
}
