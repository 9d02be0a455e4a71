namespace ItaSurvey.Web.Tests.Hosting;

/// <summary>The repository's root folder, found from the test binaries (the one holding ItaSurvey.sln).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ItaSurvey.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("ItaSurvey.sln not found above " + AppContext.BaseDirectory);
    }
}
