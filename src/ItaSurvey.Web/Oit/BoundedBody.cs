namespace ItaSurvey.Web.Oit;

/// <summary>
/// A response body read into memory up to a limit and no further: a 2 GB file or a response that
/// never ends costs at most the limit (plus one buffer), and the reader learns whether it was cut.
/// The limit applies to the bytes after HTTP decompression, so a gzip bomb is cut the same way.
/// A body of the announced length is read into one array of that size, never copied.
/// </summary>
public sealed class BoundedBody(int limit, long? announced = null)
{
    private readonly MemoryStream _bytes = new(announced is > 0 and var length ? (int)Math.Min(length, limit) : 16 * 1024);

    /// <summary>Reads the first bytes and tells whether they are <paramref name="prefix"/>; they stay in the body.</summary>
    public async Task<bool> StartsWithAsync(Stream stream, byte[] prefix, CancellationToken cancellationToken)
    {
        var head = new byte[prefix.Length];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        _bytes.Write(head, 0, read);
        return read == prefix.Length && head.AsSpan().SequenceEqual(prefix);
    }

    /// <summary>Reads the rest of the body, up to the limit; true when there was more than the limit.</summary>
    public async Task<bool> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var room = limit - (int)_bytes.Length;
            if (room <= 0)
            {
                // One more byte tells a body of exactly the limit from a longer one.
                return await stream.ReadAsync(buffer.AsMemory(0, 1), cancellationToken) > 0;
            }
            var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(room, buffer.Length)), cancellationToken);
            if (read == 0)
            {
                return false;
            }
            _bytes.Write(buffer, 0, read);
        }
    }

    /// <summary>The bytes read: the buffer itself when it is exactly full (a body of its announced length), else a copy.</summary>
    public byte[] ToArray() => _bytes.Length == _bytes.Capacity ? _bytes.GetBuffer() : _bytes.ToArray();
}
