using System.Reflection;
using ItaSurvey.Web.Oit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Tests.Oit;

/// <summary>
/// AllowPrivateNetworks lets the link check reach this machine's network: tests need it for their
/// loopback sites, and a production server must never honour it, so there it stops the start.
/// </summary>
public sealed class PrivateNetworkGuardTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task The_app_refuses_to_start_with_private_networks_allowed_outside_development_and_testing(string environment)
    {
        await using var app = new SurveyApp();
        await using var configured = app.WithWebHostBuilder(b => b
            .UseEnvironment(environment)
            .UseSetting("Oit:LinkCheck:AllowPrivateNetworks", "true"));

        var error = Record.Exception(() => configured.CreateClient());

        var invalid = Assert.IsType<OptionsValidationException>(Unwrap(error));
        Assert.Contains("AllowPrivateNetworks", invalid.Message, StringComparison.Ordinal);
        Assert.Contains($"'{environment}'", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData(LinkCheckOptions.TestingEnvironment)]
    public async Task Development_and_testing_start_with_private_networks_allowed_and_honour_it(string environment)
    {
        await using var app = new SurveyApp();
        await using var configured = app.WithWebHostBuilder(b => b
            .UseEnvironment(environment)
            .UseSetting("Oit:LinkCheck:AllowPrivateNetworks", "true"));

        using var client = configured.CreateClient();

        Assert.True(((IOptions<LinkCheckOptions>)configured.Services.GetService(typeof(IOptions<LinkCheckOptions>))!).Value.AllowPrivateNetworks);
    }

    [Fact]
    public async Task Production_starts_with_the_default_that_refuses_private_networks()
    {
        await using var app = new SurveyApp();

        using var client = app.CreateClient();

        Assert.False(((IOptions<LinkCheckOptions>)app.Services.GetService(typeof(IOptions<LinkCheckOptions>))!).Value.AllowPrivateNetworks);
    }

    private static Exception? Unwrap(Exception? error)
    {
        while (error is AggregateException or TargetInvocationException && error.InnerException is not null)
        {
            error = error.InnerException;
        }
        return error;
    }
}
