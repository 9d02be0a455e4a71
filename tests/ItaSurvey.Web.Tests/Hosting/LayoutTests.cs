namespace ItaSurvey.Web.Tests.Hosting;

/// <summary>The code's layout as the README describes it (issue 13): every folder named, no file too long to read whole.</summary>
public class LayoutTests
{
    private const int MaxLines = 300;

    [Fact]
    public void The_readme_layout_table_names_every_folder_of_the_web_project()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var folders = Directory.GetDirectories(Path.Combine(Repository.Root, "src", "ItaSurvey.Web"))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .ToList();

        Assert.NotEmpty(folders);
        Assert.All(folders, name => Assert.Contains($"`…/{name}/`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void No_source_file_is_longer_than_300_lines()
    {
        var tooLong = new[] { "src", "tests", "bench" }
            .SelectMany(top => Directory.EnumerateFiles(Path.Combine(Repository.Root, top), "*.*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
            .Where(path => !IsGenerated(path))
            .Select(path => (Path: Path.GetRelativePath(Repository.Root, path), Lines: File.ReadLines(path).Count()))
            .Where(file => file.Lines > MaxLines)
            .Select(file => $"{file.Path}: {file.Lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, "Split these along their seams:\n" + string.Join('\n', tooLong));
    }

    private static bool IsGenerated(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj") || parts.Contains("Migrations");
    }
}
