using ItaSurvey.Web.Commands;
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

    /// <summary>Issue 18, item 11: another fiscal year of the same agency (Thai name and province, spacing aside) reuses it.</summary>
    [Fact]
    public async Task The_same_agency_in_another_year_is_reused_and_the_output_says_so()
    {
        var (first, _, _) = await CreateRoundAsync(Args("2566"));

        var (code, output, error) = await CreateRoundAsync(Args("2565", agency: "  เทศบาลตำบล\u00A0ทดสอบ ", province: "นนทบุรี "));

        Assert.Equal((0, ""), (code, error));
        var agency = Assert.Single(await AgenciesAsync());
        Assert.Equal("เทศบาลตำบล ทดสอบ", agency.NameTh);
        Assert.StartsWith($"agency {agency.Id}: เทศบาลตำบล ทดสอบ (นนทบุรี) exists; the round is added to it", output, StringComparison.Ordinal);
        Assert.Contains("fiscal year 2565", output, StringComparison.Ordinal);
        Assert.Equal(0, first);
        Assert.Equal([2565, 2566], (await RoundsAsync()).Select(r => r.FiscalYear).Order());
    }

    [Theory]
    [InlineData("--group", "sao-m", "--group sao-m (stored: tambon-municipality-s)")]
    [InlineData("--headcount", "95", "--headcount 95 (stored: 80)")]
    public async Task The_same_agency_with_other_details_is_refused_naming_the_stored_one_and_nothing_is_written(string option, string value, string difference)
    {
        await CreateRoundAsync(Args("2566"));
        var args = Args("2565");
        args[option] = value;

        var (code, output, error) = await CreateRoundAsync(args);

        Assert.Equal((2, ""), (code, output));
        var agency = Assert.Single(await AgenciesAsync());
        Assert.Contains($"Agency {agency.Id} 'เทศบาลตำบล ทดสอบ' (นนทบุรี) already exists, with other details: {difference}", error, StringComparison.Ordinal);
        Assert.Equal([2566], (await RoundsAsync()).Select(r => r.FiscalYear));
        Assert.Equal(("tambon-municipality-s", 80), (agency.AgencyGroup, agency.StaffHeadcount));
    }

    [Fact]
    public async Task The_same_agency_and_year_again_is_refused_naming_the_round()
    {
        await CreateRoundAsync(Args("2566"));

        var (code, _, error) = await CreateRoundAsync(Args("2566"));

        Assert.Equal(2, code);
        Assert.Contains("already has round", error, StringComparison.Ordinal);
        Assert.Single(await RoundsAsync());
    }

    private static Dictionary<string, string> Args(string year, string agency = "เทศบาลตำบล ทดสอบ", string province = "นนทบุรี") => new()
    {
        ["--agency"] = agency, ["--province"] = province, ["--group"] = "tambon-municipality-s", ["--headcount"] = "80",
        ["--year"] = year, ["--opens"] = $"{year}-04-01", ["--closes"] = $"{year}-06-30", ["--iit-mode"] = "open",
    };

    private async Task<(int Code, string Output, string Error)> CreateRoundAsync(Dictionary<string, string> args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await CommandLine.RunDataVerbAsync(_app.Services, ["create-round", .. args.SelectMany(a => new[] { a.Key, a.Value })],
            TextReader.Null, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<List<Agencies.Agency>> AgenciesAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Agencies.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<Rounds.AssessmentRound>> RoundsAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Rounds.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
    }
}
