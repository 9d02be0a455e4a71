using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Demo;
using ItaSurvey.Web.Imports;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Surveys;

namespace ItaSurvey.Web.Commands;

/// <summary>
/// The verbs the app answers instead of starting the web server. Verbs that need no database run
/// before the app is built; the others run on the built app's services after migration.
/// </summary>
public static class CommandLine
{
    private static readonly string[] DataVerbs =
        ["create-round", "generate-codes", "list-rounds", "create-admin", "create-user", "create-token", "import-results", "seed-demo", "backup", "export-year", "import-year"];

    /// <summary>Runs a verb that needs no database; returns null to go on building the app.</summary>
    public static int? TryRun(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }
        if (args.Contains(CommandOptions.JsonFlag) && !CommandJson.Verbs.Contains(args[0]) && (IsDataVerb(args) || args[0] is "validate" or "help" or "new-year"))
        {
            error.WriteLine($"'{args[0]}' has no JSON output; --json is for {string.Join(", ", CommandJson.Verbs)}.");
            return 2;
        }
        if (IsDataVerb(args))
        {
            return null;
        }
        switch (args[0])
        {
            case "validate":
                return ValidateCommand.Run(args[1..], output, error);
            case "new-year":
                try
                {
                    return YearCommands.NewYear(new CommandOptions(args[1..]), output, error);
                }
                catch (ArgumentException e)
                {
                    error.WriteLine(e.Message);
                    return 2;
                }
            case "help":
                output.WriteLine("usage: ItaSurvey.Web [verb]   (no verb: run the web app)");
                foreach (var line in new[] { ValidateCommand.Usage }.Concat(YearCommands.Usage).Concat(AccountCommands.Usage).Concat(RoundCommands.Usage)
                             .Concat(ApiCommands.Usage).Concat(ImportCommands.Usage).Concat(DemoCommands.Usage).Concat(BackupCommand.Usage))
                {
                    output.WriteLine("  " + line);
                }
                return 0;
            default:
                error.WriteLine($"Unknown verb '{args[0]}'. Run with 'help' for the list.");
                return 2;
        }
    }

    public static bool IsDataVerb(string[] args) => args.Length > 0 && DataVerbs.Contains(args[0]);

    /// <summary>Runs a verb that works on the database.</summary>
    public static async Task<int> RunDataVerbAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        try
        {
            if (args[0] == "import-year")
            {
                return await YearCommands.ImportAsync(services, args[1..], output, error);
            }
            var options = new CommandOptions(args[1..]);
            return args[0] switch
            {
                "create-round" => await RoundCommands.CreateRoundAsync(services, options, output),
                "generate-codes" => await RoundCommands.GenerateCodesAsync(services, options, output),
                "create-admin" => await AccountCommands.CreateAdminAsync(services, options, input, output, error),
                "create-user" => await AccountCommands.CreateUserAsync(services, options, input, output, error),
                "create-token" => await ApiCommands.CreateTokenAsync(services, options, output, error),
                "import-results" => await ImportCommands.ImportAsync(services, options, output, error),
                "seed-demo" => await DemoCommands.SeedDemoAsync(services, options, output, error),
                "backup" => await BackupCommand.RunAsync(services, options, output, error),
                "export-year" => await YearCommands.ExportAsync(services, options, output, error),
                _ => await RoundCommands.ListRoundsAsync(services, output),
            };
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
    }
}
