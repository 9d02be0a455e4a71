using ItaSurvey.Web.Surveys;

namespace ItaSurvey.Web;

/// <summary>The verbs the app answers instead of starting the web server.</summary>
public static class CommandLine
{
    /// <summary>Runs a verb when the first argument names one; returns null to start the server.</summary>
    public static int? TryRun(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }
        var rest = args[1..];
        switch (args[0])
        {
            case "validate":
                return ValidateCommand.Run(rest, output, error);
            case "help":
                output.WriteLine("usage: ItaSurvey.Web [verb]   (no verb: run the web app)");
                output.WriteLine("  " + ValidateCommand.Usage);
                return 0;
            default:
                error.WriteLine($"Unknown verb '{args[0]}'. Run with 'help' for the list.");
                return 2;
        }
    }
}
