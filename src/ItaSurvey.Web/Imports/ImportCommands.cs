using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Commands;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Imports;

public static class ImportCommands
{
    public static readonly string[] Usage = ["import-results --file <results.csv>          official past results (see README)"];

    /// <summary>How many errors are listed; the rest are counted.</summary>
    public const int ErrorsListed = 1000;

    public static async Task<int> ImportAsync(IServiceProvider services, CommandOptions options, TextWriter output, TextWriter error)
    {
        var path = options.Required("file");
        if (!File.Exists(path))
        {
            error.WriteLine($"import-results: there is no file '{path}'.");
            return 1;
        }
        var importer = new OfficialResultsImport(services.GetRequiredService<IDbContextFactory<ItaDbContext>>(), services.GetRequiredService<AuditLog>(),
            services.GetRequiredService<Trends.OverviewYearCache>());
        ImportOutcome outcome;
        await using (var stream = File.OpenRead(path))
        using (var reader = OfficialResultsCsv.OpenText(stream))
        {
            outcome = await importer.ImportAsync(reader, user: null);
        }
        if (outcome.Succeeded)
        {
            output.WriteLine($"{outcome.Imported} results imported.");
            return 0;
        }
        foreach (var problem in outcome.Errors.Take(ErrorsListed))
        {
            error.WriteLine(problem);
        }
        if (outcome.Errors.Count > ErrorsListed)
        {
            error.WriteLine($"... and {outcome.Errors.Count - ErrorsListed} more errors.");
        }
        error.WriteLine($"Nothing imported: {outcome.Errors.Count} error(s) in {path}.");
        return 1;
    }
}
