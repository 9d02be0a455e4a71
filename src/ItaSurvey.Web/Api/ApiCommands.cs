using ItaSurvey.Web.Rounds;

namespace ItaSurvey.Web.Api;

public static class ApiCommands
{
    public static readonly string[] Usage = ["create-token --email <e-mail> --name <name>   a personal API token, printed once"];

    public static Task<int> CreateTokenAsync(IServiceProvider services, RoundCommands.Options options, TextWriter output, TextWriter error)
    {
        error.WriteLine("create-token: being built in this change.");
        return Task.FromResult(1);
    }
}
