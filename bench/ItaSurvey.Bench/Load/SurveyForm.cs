using System.Net;
using System.Text.RegularExpressions;

namespace ItaSurvey.Bench.Load;

/// <summary>
/// A rendered questionnaire as a browser would submit it: where it posts, its hidden fields
/// (antiforgery token, submission key) and its radio groups with the values each offers.
/// </summary>
internal sealed partial record SurveyForm(string Action, IReadOnlyList<(string Name, string Value)> Hidden,
    IReadOnlyList<(string Name, string[] Values)> Radios)
{
    /// <summary>The answer fields: every radio group except the EIT screening question.</summary>
    public int FieldCount => Radios.Count(r => r.Name != "_capacity");

    /// <summary>The form in the page, or null when it lacks what a complete submission needs.</summary>
    public static SurveyForm? Parse(string html)
    {
        if (FormAction().Match(html) is not { Success: true } action)
        {
            return null;
        }
        var hidden = new List<(string Name, string Value)>();
        var radios = new List<(string Name, List<string> Values)>();
        foreach (Match input in Input().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value)
                .GroupBy(a => a.Groups[1].Value.ToLowerInvariant())
                .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));
            if (!attributes.TryGetValue("name", out var name) || !attributes.TryGetValue("value", out var value))
            {
                continue;
            }
            switch (attributes.GetValueOrDefault("type"))
            {
                case "hidden":
                    hidden.Add((name, value));
                    break;
                case "radio":
                    var group = radios.FindIndex(r => r.Name == name);
                    if (group < 0)
                    {
                        radios.Add((name, []));
                        group = radios.Count - 1;
                    }
                    radios[group].Values.Add(value);
                    break;
            }
        }
        var form = new SurveyForm(WebUtility.HtmlDecode(action.Groups[1].Value), hidden, [.. radios.Select(r => (r.Name, r.Values.ToArray()))]);
        var complete = hidden.Any(h => h.Name == "_key") && hidden.Count >= 2
            && form.Radios.Any(r => r.Name == "_capacity" && r.Values.Contains("citizen")) && form.FieldCount > 0;
        return complete ? form : null;
    }

    /// <summary>A complete answer set: the hidden fields as given, a citizen respondent and a random level per field.</summary>
    public List<KeyValuePair<string, string>> Answer(Random random)
    {
        var body = Hidden.Select(h => KeyValuePair.Create(h.Name, h.Value)).ToList();
        body.Add(KeyValuePair.Create("_capacity", "citizen"));
        body.AddRange(Radios.Where(r => r.Name != "_capacity").Select(r => KeyValuePair.Create(r.Name, r.Values[random.Next(r.Values.Length)])));
        return body;
    }

    [GeneratedRegex("""<form\b[^>]*\saction="([^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input\b[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    // The leading space keeps data-name="..." from passing for name="...".
    [GeneratedRegex(@"\s(type|name|value)=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();
}
