using System.Buffers;

namespace ItaSurvey.Web.Exports;

/// <summary>
/// Lets a writer that sometimes writes synchronously write to a response body, which refuses
/// synchronous writes. System.IO.Compression's zip writer, under SpreadCheetah, writes each
/// entry's small header and data descriptor and the closing central directory synchronously
/// (a few dozen bytes each); those are kept here and sent before the next asynchronous write or
/// on <see cref="FlushAsync(CancellationToken)"/>. The bulk, the compressed sheet data, passes
/// straight through asynchronously, so memory stays at those few bytes whatever the file's size.
/// </summary>
public sealed class AsyncOnlyStream(Stream destination) : Stream
{
    private readonly ArrayBufferWriter<byte> _pending = new(4096);
    private long _position;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    /// <summary>Bytes written synchronously and not yet sent.</summary>
    public int Pending => _pending.WrittenCount;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _position += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendPendingAsync(cancellationToken);
        await destination.WriteAsync(buffer, cancellationToken);
        _position += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Nothing is sent synchronously: what is pending goes with the next asynchronous write or flush.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendPendingAsync(cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }

    private async ValueTask SendPendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.WrittenCount > 0)
        {
            await destination.WriteAsync(_pending.WrittenMemory, cancellationToken);
            _pending.ResetWrittenCount();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
