using System.Reflection;

namespace ItaSurvey.Testing;

/// <summary>Where the build put the web app (src/ItaSurvey.Web/bin/&lt;configuration&gt;/net10.0), and the repository it came from.</summary>
public static class AppPaths
{
    /// <summary>The web app's dll of this build's configuration; building this project builds it first.</summary>
    public static string WebDll { get; } = Metadata("WebAppDll");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    private static string Metadata(string key) =>
        typeof(AppPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
