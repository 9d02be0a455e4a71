using ItaSurvey.Web.Rounds;

namespace ItaSurvey.Web.Imports;

public static class ImportCommands
{
    public static readonly string[] Usage = ["import-results --file <results.csv>          official past results (see README)"];

    public static Task<int> ImportAsync(IServiceProvider services, RoundCommands.Options options, TextWriter output, TextWriter error)
    {
        error.WriteLine("import-results: being built in this change.");
        return Task.FromResult(1);
    }
}
