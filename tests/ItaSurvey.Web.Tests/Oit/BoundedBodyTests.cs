using ItaSurvey.Web.Oit;

namespace ItaSurvey.Web.Tests.Oit;

/// <summary>A body is read whole up to its limit, whatever length the server announced, and a longer one is reported cut.</summary>
public sealed class BoundedBodyTests
{
    private static byte[] Bytes(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)(i % 251))];

    [Theory]
    [InlineData(1000, 1000L)] // announced right
    [InlineData(1000, 10L)] // announced too short (a compressed length): the buffer grows
    [InlineData(1000, 5_000_000L)] // announced too long: the buffer is the limit at most
    [InlineData(1000, null)]
    public async Task A_body_within_the_limit_is_read_whole(int size, long? announced)
    {
        var body = new BoundedBody(4096, announced);

        var cut = await body.ReadAsync(new MemoryStream(Bytes(size)), TestContext.Current.CancellationToken);

        Assert.False(cut);
        Assert.Equal(Bytes(size), body.ToArray());
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(100_000)]
    public async Task A_body_is_cut_at_the_limit_and_says_so_only_when_there_was_more(int size)
    {
        var body = new BoundedBody(4096, size);

        var cut = await body.ReadAsync(new MemoryStream(Bytes(size)), TestContext.Current.CancellationToken);

        Assert.Equal(size > 4096, cut);
        Assert.Equal(Bytes(size)[..4096], body.ToArray());
    }
}
