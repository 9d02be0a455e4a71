using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ItaSurvey.Web.Oit;

/// <summary>
/// The readable text of an HTML page (AngleSharp): the title and the body's text nodes, without
/// scripts, styles and templates, each element's text set apart by a space so that numbers in
/// neighbouring cells never run together. At most <c>maxCharacters</c> are kept.
/// </summary>
public static class HtmlEvidenceText
{
    private static readonly HashSet<string> Skipped = ["script", "style", "noscript", "template", "svg", "head"];

    public static (string Text, string? Title) Extract(string html, int maxCharacters, CancellationToken cancellationToken)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = false });
        using var document = parser.ParseDocument(html);
        var title = document.Title is { Length: > 0 } t ? Cut(t.Trim(), 500) : null;
        var text = new StringBuilder();
        var pending = new Stack<INode>();
        if (document.Body is { } body)
        {
            pending.Push(body);
        }
        var visited = 0;
        while (pending.Count > 0 && text.Length < maxCharacters)
        {
            if (++visited % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var node = pending.Pop();
            if (node is IText textNode)
            {
                text.Append(textNode.Data);
                continue;
            }
            if (node is IElement element)
            {
                if (Skipped.Contains(element.LocalName))
                {
                    continue;
                }
                text.Append(' ');
            }
            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                pending.Push(child);
            }
        }
        return (Cut(text.ToString(), maxCharacters), title);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
