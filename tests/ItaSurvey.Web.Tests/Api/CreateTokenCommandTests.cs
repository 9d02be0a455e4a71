using System.Net;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Commands;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

public class CreateTokenCommandTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_verb_prints_a_token_once_that_then_works_and_records_it_in_the_audit_log()
    {
        var (email, _) = await _app.CreateUserAsync(Roles.SystemAdmin);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await ApiCommands.CreateTokenAsync(_app.Services, new CommandOptions(["--email", email, "--name", "provincial office"]), output, error);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        var secret = Assert.Single(output.ToString().Split('\n', StringSplitOptions.TrimEntries), l => l.StartsWith(ApiTokens.TokenPrefix, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await _app.WithToken(secret).GetAsync("/api/v1/agencies", Cancel)).StatusCode);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "token.create", Cancel);
        Assert.Contains(email, entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, entry.Details, StringComparison.Ordinal);
        Assert.Equal("provincial office", (await db.ApiTokens.SingleAsync(Cancel)).Name);
    }

    [Fact]
    public async Task An_unknown_e_mail_creates_nothing_and_says_so()
    {
        var error = new StringWriter();

        var exit = await ApiCommands.CreateTokenAsync(_app.Services, new CommandOptions(["--email", "nobody@example.test", "--name", "x"]), new StringWriter(), error);

        Assert.Equal(1, exit);
        Assert.Contains("No user has the e-mail nobody@example.test", error.ToString(), StringComparison.Ordinal);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);
        Assert.False(await db.ApiTokens.AnyAsync(Cancel));
    }
}
