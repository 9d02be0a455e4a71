using ItaSurvey.Web.Exports;
using static ItaSurvey.Web.Tests.TwoAgencyWorld;

namespace ItaSurvey.Web.Tests.Exports;

/// <summary>
/// The sinks write to a response body the way ASP.NET Core demands: asynchronously, to a stream
/// that cannot seek, without keeping what was written.
/// </summary>
public sealed class SinkTests
{
    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    public async Task A_large_table_goes_out_with_asynchronous_writes_only_to_a_stream_that_cannot_seek(ExportFormat format)
    {
        var body = new ResponseBodyLike();
        var file = new ExportFile("big", format, 0, async (sink, ct) =>
        {
            await sink.StartTableAsync("EIT", [.. Enumerable.Range(0, 40).Select(i => $"E{i}")], ct);
            for (var row = 0; row < 20_000; row++)
            {
                for (var field = 0; field < 40; field++)
                {
                    sink.Number((row + field) % 5);
                }
                await sink.EndRowAsync(ct);
            }
        });

        await file.WriteToAsync(body, Cancel);

        Assert.True(body.AsyncWrites > 10, $"{body.AsyncWrites} writes");
        Assert.True(body.Written > 20_000 * 40 / (format == ExportFormat.Csv ? 1 : 50), $"{body.Written} bytes");
        // What is written leaves the writer: it holds a buffer, not the file.
        Assert.True(body.LargestWrite < 1024 * 1024, $"largest write {body.LargestWrite} bytes");
    }

    [Fact]
    public async Task A_table_longer_than_a_sheet_goes_on_in_the_next_sheet_with_its_header()
    {
        var file = new MemoryStream();
        await using (var sink = await XlsxTableSink.CreateAsync(file, Cancel, rowsPerSheet: 3))
        {
            await sink.StartTableAsync("EIT", ["instrument", "E1"], Cancel);
            for (var row = 0; row < 5; row++)
            {
                sink.Text("EIT");
                sink.Number(row);
                await sink.EndRowAsync(Cancel);
            }
            await sink.StartTableAsync("codebook", ["field"], Cancel);
            await sink.FinishAsync(Cancel);
        }

        var workbook = Workbook.Read(file.ToArray());

        Assert.Equal(["EIT", "EIT (2)", "EIT (3)", "codebook"], workbook.SheetNames);
        Assert.Equal([["instrument", "E1"], ["EIT", "0"], ["EIT", "1"]], workbook.Sheets["EIT"]);
        Assert.Equal([["instrument", "E1"], ["EIT", "2"], ["EIT", "3"]], workbook.Sheets["EIT (2)"]);
        Assert.Equal([["instrument", "E1"], ["EIT", "4"]], workbook.Sheets["EIT (3)"]);
    }

    [Fact]
    public async Task A_CSV_file_holds_one_table()
    {
        await using var sink = new CsvTableSink(new MemoryStream());
        await sink.StartTableAsync("a", ["x"], Cancel);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await sink.StartTableAsync("b", ["y"], Cancel));
    }

    /// <summary>Like Kestrel's response body: forward only, and synchronous writes and flushes throw.</summary>
    private sealed class ResponseBodyLike : Stream
    {
        public long Written { get; private set; }

        public int AsyncWrites { get; private set; }

        public int LargestWrite { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            AsyncWrites++;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
