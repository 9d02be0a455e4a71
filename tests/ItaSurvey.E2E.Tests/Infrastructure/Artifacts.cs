using ItaSurvey.Testing;
using Microsoft.Playwright;

namespace ItaSurvey.E2E.Tests.Infrastructure;

/// <summary>Screenshots and downloads kept after the run, in artifacts/e2e at the repository root.</summary>
internal static class Artifacts
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(AppPaths.RepositoryRoot, "artifacts", "e2e")).FullName;

    /// <summary>Saves a PNG of the page (the viewport, or the whole page) and prints where it went.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        Print(path);
        return path;
    }

    public static void Print(string path) => TestContext.Current.TestOutputHelper?.WriteLine("artifact: " + path);
}
