using System.Globalization;
using ItaSurvey.Core.Loading;
using ItaSurvey.Web.Commands;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Surveys;

/// <summary>
/// Fiscal years from the command line, for deployments that keep their definitions in git:
/// <c>new-year</c> writes a folder to edit, <c>export-year</c> writes a stored version to a folder,
/// <c>import-year</c> publishes a folder. Each checks the files and prints every problem.
/// </summary>
public static class YearCommands
{
    public static readonly string[] Usage =
    [
        "new-year --from 2566 --year 2570 [--surveys surveys] [--to <folder>]   copy a year's folder into a new year's folder to edit (default <surveys>/2570)",
        "export-year --year 2570 [--version N] --to <folder>   write a stored version's files (default: the newest published) to a folder",
        "import-year <folder>   publish a year folder such as surveys/2570 as a new version (nothing when its content is published already)",
    ];

    /// <summary><c>new-year</c>: needs no database; reads the year from a surveys folder.</summary>
    public static int NewYear(CommandOptions options, TextWriter output, TextWriter error)
    {
        var (from, year) = (options.Int("from"), options.Int("year"));
        var surveys = options.Optional("surveys") ?? "surveys";
        var source = Path.Combine(surveys, from.ToString(CultureInfo.InvariantCulture));
        var target = options.Optional("to") ?? Path.Combine(surveys, year.ToString(CultureInfo.InvariantCulture));
        if (!Directory.Exists(source))
        {
            error.WriteLine($"There is no folder {source}: give the surveys folder with --surveys.");
            return 2;
        }
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            error.WriteLine($"{target} exists and is not empty; nothing was written.");
            return 2;
        }
        var copy = YearCopy.NewYear(SurveyLoader.ReadYearFolder(source), year);
        var check = SurveyLoader.LoadYear(copy);
        if (!check.IsValid)
        {
            return Problems(check.Problems, error);
        }
        copy.WriteTo(target);
        output.WriteLine($"Wrote {copy.Files.Count} files for fiscal year {year} to {target}, copied from {source}.");
        output.WriteLine("Every file's note says the set is a provisional copy: edit the files, update the notes, then run 'validate' and 'import-year'.");
        return 0;
    }

    /// <summary><c>export-year</c>: a stored version's files to a folder, checked.</summary>
    public static async Task<int> ExportAsync(IServiceProvider services, CommandOptions options, TextWriter output, TextWriter error)
    {
        var year = options.Int("year");
        var to = options.Required("to");
        var number = options.Optional("version") is { } given ? options.Int("version") : (int?)null;
        await using var db = await services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync();
        var query = db.SurveyVersions.AsNoTracking().Include(v => v.Files).Where(v => v.FiscalYear == year);
        var version = number is { } n
            ? await query.SingleOrDefaultAsync(v => v.Number == n)
            : await query.Where(v => v.Status == SurveyVersionStatus.Published).OrderByDescending(v => v.Number).FirstOrDefaultAsync();
        if (version is null)
        {
            error.WriteLine(number is null ? $"Fiscal year {year} has no published version." : $"Fiscal year {year} has no version {number}.");
            return 2;
        }
        var files = SurveyLibrary.FilesOf(version);
        files.WriteTo(to);
        output.WriteLine($"Wrote fiscal year {year} version {version.Number} ({version.Status.ToString().ToLowerInvariant()}, {files.Files.Count} files) to {to}.");
        var check = SurveyLoader.LoadYear(YearFiles.FromFolder(to, year));
        return check.IsValid ? 0 : Problems(check.Problems, error);
    }

    /// <summary><c>import-year &lt;folder&gt;</c>: publishes the folder's files unless the same content is published already.</summary>
    public static async Task<int> ImportAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count != 1)
        {
            error.WriteLine("usage: " + Usage[2]);
            return 2;
        }
        var folder = args[0];
        YearFiles files;
        try
        {
            files = SurveyLoader.ReadYearFolder(folder);
        }
        catch (SurveyDefinitionException e)
        {
            return Problems(e.Problems, error);
        }
        var check = SurveyLoader.LoadYear(files);
        if (!check.IsValid)
        {
            return Problems(check.Problems, error);
        }
        var (version, created) = await PublishedVersions.ImportAsync(services.GetRequiredService<IDbContextFactory<ItaDbContext>>(), files,
            "import", "cli", services.GetRequiredService<TimeProvider>());
        await services.GetRequiredService<Auditing.AuditLog>().RecordAsync(null, created ? "fiscal-year-published" : "fiscal-year-import-unchanged", null,
            $"{files.FiscalYear} version {version.Number} (id {version.Id}) from {Path.GetFullPath(folder)}");
        output.WriteLine(created
            ? $"Fiscal year {files.FiscalYear} is published as version {version.Number}; new rounds of {files.FiscalYear} open with it."
            : $"Fiscal year {files.FiscalYear}: the same content is published already as version {version.Number}; nothing changed.");
        return 0;
    }

    private static int Problems(IReadOnlyList<DefinitionProblem> problems, TextWriter error)
    {
        foreach (var problem in problems)
        {
            error.WriteLine(problem);
        }
        error.WriteLine($"{problems.Count} problem(s) found; nothing was stored.");
        return 1;
    }
}
