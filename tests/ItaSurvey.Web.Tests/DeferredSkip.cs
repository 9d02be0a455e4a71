using Xunit.Sdk;

namespace ItaSurvey.Web.Tests;

/// <summary>
/// A class fixture whose set-up may skip (the PostgreSQL build on a machine without a server):
/// xUnit reports a skip thrown while a class fixture starts as a failure of every test in the
/// class, so the fixture keeps the reason here and each test skips when it reaches for the world.
/// </summary>
internal sealed class DeferredSkip
{
    private const string Token = "$XunitDynamicSkip$";
    private string? _reason;

    public async ValueTask RunAsync(Func<Task> setUp)
    {
        try
        {
            await setUp();
        }
        catch (SkipException skip)
        {
            _reason = skip.Message.Replace(Token, "", StringComparison.Ordinal);
        }
    }

    /// <summary>The value, or a skip with the set-up's reason when the set-up skipped.</summary>
    public T Ready<T>(T value)
    {
        if (_reason is not null)
        {
            Assert.Skip(_reason);
        }
        return value;
    }
}
