using ItaSurvey.Testing;
using ItaSurvey.Web.Commands;

namespace ItaSurvey.Web.Tests;

public class ValidateCommandTests
{
    private static readonly string Surveys = Path.Combine(AppContext.BaseDirectory, "surveys");

    [Fact]
    public void Validate_exits_0_and_summarises_each_year_when_all_is_well()
    {
        var (code, output, error) = Run("validate", Surveys);

        Assert.Equal(0, code);
        Assert.Contains("2566: IIT 30 questions, 51 answer fields", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public void Validate_exits_non_zero_listing_every_problem()
    {
        using var broken = BrokenCopy();

        var (code, _, error) = Run("validate", broken.Root);

        Assert.Equal(1, code);
        Assert.Contains("2566/model.json:", error, StringComparison.Ordinal);
        Assert.Contains("2565/iit.json:", error, StringComparison.Ordinal);
        Assert.Contains("2 problem(s) found.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_without_a_folder_prints_its_usage()
    {
        var (code, _, error) = Run("validate");

        Assert.Equal(2, code);
        Assert.Contains("usage: validate", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_refuses_to_start_on_invalid_definitions_with_the_same_messages()
    {
        using var broken = BrokenCopy();
        var (_, _, expected) = Run("validate", broken.Root);

        var app = new AppLauncher(new Dictionary<string, string> { ["Surveys__Path"] = broken.Root, ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        var run = await app.Verbs.RunAsync(["--urls", "http://127.0.0.1:0"], cancellationToken: TestContext.Current.CancellationToken);
        var stderr = run.Stderr;

        Assert.Equal(1, run.ExitCode);
        foreach (var line in expected.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(".json:", StringComparison.Ordinal)))
        {
            Assert.Contains(line.Trim(), stderr, StringComparison.Ordinal);
        }
        Assert.Contains("did not start", stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.TryRun(args, output, error);
        return (code!.Value, output.ToString(), error.ToString());
    }

    private static TempSurveys BrokenCopy()
    {
        var copy = new TempSurveys(Surveys);
        copy.Replace("2566/model.json", "\"weight\": 0.4", "\"weight\": 0.5");
        copy.Replace("2565/iit.json", "\"indicator\": \"3\"", "\"indicator\": \"33\"");
        return copy;
    }
}

/// <summary>A throw-away copy of the definitions that a test may break.</summary>
internal sealed class TempSurveys : IDisposable
{
    public TempSurveys(string source)
    {
        Root = Path.Combine(Path.GetTempPath(), "itasurvey-web-" + Guid.NewGuid().ToString("N"), "surveys");
        foreach (var file in Directory.GetFiles(source, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }

    public void Replace(string relative, string text, string replacement)
    {
        var path = Path.Combine(Root, relative);
        var content = File.ReadAllText(path);
        var at = content.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is not in {relative}");
        File.WriteAllText(path, content[..at] + replacement + content[(at + text.Length)..]);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
}
