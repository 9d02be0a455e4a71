using ItaSurvey.Web.Rounds;

namespace ItaSurvey.Web.Demo;

public static class DemoCommands
{
    public static readonly string[] Usage = ["seed-demo                                   the seed municipality with three years of synthetic data"];

    public static Task<int> SeedDemoAsync(IServiceProvider services, RoundCommands.Options options, TextWriter output, TextWriter error)
    {
        error.WriteLine("seed-demo: being built in this change.");
        return Task.FromResult(1);
    }
}
