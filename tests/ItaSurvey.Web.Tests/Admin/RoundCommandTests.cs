using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Admin;

/// <summary>create-round checks every option before it stores anything.</summary>
public class RoundCommandTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();

    public ValueTask InitializeAsync()
    {
        _ = _app.Server; // start the app: migrations run
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData("--iit-mode", "link", "--iit-mode is 'open' or 'codes'")]
    [InlineData("--year", "2599", "No questionnaire set is defined for fiscal year 2599")]
    [InlineData("--closes", "2566-03-01", "closes before it opens")]
    public async Task A_bad_option_stores_neither_agency_nor_round(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--agency"] = "เทศบาลตำบลทดสอบ", ["--province"] = "นนทบุรี", ["--group"] = "tambon-municipality-s", ["--headcount"] = "80",
            ["--year"] = "2566", ["--opens"] = "2566-04-01", ["--closes"] = "2566-06-30", ["--iit-mode"] = "open",
        };
        args[option] = value;
        var error = new StringWriter();

        var code = await CommandLine.RunDataVerbAsync(_app.Services, ["create-round", .. args.SelectMany(a => new[] { a.Key, a.Value })],
            TextReader.Null, TextWriter.Null, error);

        Assert.Equal(2, code);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await db.Agencies.CountAsync(TestContext.Current.CancellationToken));
    }
}
