using ItaSurvey.Core.Loading;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Tests;

/// <summary>The repository's definitions, copied beside the tests by the build.</summary>
internal static class Surveys
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "surveys");

    private static readonly Lazy<SurveyCatalog> LazyCatalog = new(() => SurveyLoader.LoadCatalog(Root));

    public static SurveyCatalog Catalog => LazyCatalog.Value;

    public static SurveyYear Year(int fiscalYear) => Catalog.Year(fiscalYear);
}

/// <summary>A throw-away copy of <c>surveys/</c> that a test may break.</summary>
internal sealed class SurveyCopy : IDisposable
{
    public SurveyCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "itasurvey-" + Guid.NewGuid().ToString("N"), "surveys");
        foreach (var file in Directory.GetFiles(Surveys.Root, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(Surveys.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Replaces the first occurrence of a text and returns the 1-based line it was on.</summary>
    public int Replace(string relative, string text, string replacement, int occurrence = 1)
    {
        var path = PathOf(relative);
        var content = File.ReadAllText(path);
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = content.IndexOf(text, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{text}' (occurrence {occurrence}) is not in {relative}");
        }
        File.WriteAllText(path, content[..at] + replacement + content[(at + text.Length)..]);
        return content[..at].Count(c => c == '\n') + 1;
    }

    public SurveyLoadResult Load() => SurveyLoader.Load(Root);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
}
