using ItaSurvey.Testing;
using ItaSurvey.Web.Commands;

namespace ItaSurvey.Web.Tests.Processes;

/// <summary>
/// new-year, import-year and export-year, for deployments that keep their definitions in git:
/// each checks the files, prints every problem, and stores nothing when there is one.
/// </summary>
public sealed class YearVerbTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("itasurvey-years-").FullName;
    private readonly TestDatabase _database = TestDatabase.Create();
    private AppLauncher? _launcher;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Surveys => Path.Combine(AppContext.BaseDirectory, "surveys");

    // Made in the test, not in InitializeAsync: the PostgreSQL build skips there when no server is set.
    private AppLauncher App => _launcher ??= Launch.App(_database.ForProcesses(Path.Combine(_folder, "itasurvey.db")));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _database.DropAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_new_year_written_by_new_year_is_published_once_by_import_year_and_exported_back_as_it_was()
    {
        var target = Path.Combine(_folder, "2570");
        var (code, output, error) = Run("new-year", "--from", "2566", "--year", "2570", "--surveys", Surveys, "--to", target);
        Assert.True(code == 0, error);
        Assert.Contains("Wrote 4 files for fiscal year 2570", output, StringComparison.Ordinal);
        Assert.Contains("\"fiscalYear\": 2570", File.ReadAllText(Path.Combine(target, "model.json")), StringComparison.Ordinal);
        Assert.Equal(2, Run("new-year", "--from", "2566", "--year", "2570", "--surveys", Surveys, "--to", target).Code); // never over a folder in use

        var imported = await App.Verbs.RunOkAsync(["import-year", target], cancellationToken: Cancel);
        Assert.Contains("Fiscal year 2570 is published as version 1", imported.Stdout, StringComparison.Ordinal);
        var again = await App.Verbs.RunOkAsync(["import-year", target], cancellationToken: Cancel);
        Assert.Contains("the same content is published already as version 1; nothing changed", again.Stdout, StringComparison.Ordinal);

        // A round of 2570 can be opened at once, and the stored version comes back as the files it was made from.
        var round = await App.Verbs.CreateRoundAsync("เทศบาลตำบลปีใหม่", year: 2570, cancellationToken: Cancel);
        Assert.Equal(2570, round.FiscalYear);
        var exported = Path.Combine(_folder, "exported");
        var export = await App.Verbs.RunOkAsync(["export-year", "--year", "2570", "--to", exported], cancellationToken: Cancel);
        Assert.Contains("Wrote fiscal year 2570 version 1 (published, 4 files)", export.Stdout, StringComparison.Ordinal);
        foreach (var name in new[] { "model.json", "iit.json", "eit.json", "oit.json" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(target, name)), File.ReadAllText(Path.Combine(exported, name)));
        }
    }

    [Fact]
    public async Task Import_year_of_a_broken_folder_prints_every_problem_with_file_and_line_and_stores_nothing()
    {
        var target = Path.Combine(_folder, "2570");
        Assert.Equal(0, Run("new-year", "--from", "2566", "--year", "2570", "--surveys", Surveys, "--to", target).Code);
        var model = Path.Combine(target, "model.json");
        File.WriteAllText(model, File.ReadAllText(model).Replace("\"weight\": 0.4", "\"weight\": 0.45", StringComparison.Ordinal));
        var iit = Path.Combine(target, "iit.json");
        File.WriteAllText(iit, File.ReadAllText(iit).Replace("\"indicator\": \"3\"", "\"indicator\": \"33\"", StringComparison.Ordinal));

        var run = await App.Verbs.RunAsync(["import-year", target], cancellationToken: Cancel);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"2570[/\\]model\.json:\d+: \$\.instruments: The instrument weights add up to 1\.05", run.Stderr);
        Assert.Matches(@"2570[/\\]iit\.json:\d+: \$\.questions\[\d+\]\.indicator:", run.Stderr);
        Assert.Contains("problem(s) found; nothing was stored.", run.Stderr, StringComparison.Ordinal);
        var export = await App.Verbs.RunAsync(["export-year", "--year", "2570", "--to", Path.Combine(_folder, "none")], cancellationToken: Cancel);
        Assert.Equal(2, export.ExitCode);
        Assert.Contains("Fiscal year 2570 has no published version.", export.Stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.TryRun(args, output, error);
        return (code!.Value, output.ToString(), error.ToString());
    }
}
