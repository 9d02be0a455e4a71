using CsvHelper;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Web.Exports;

/// <summary>A CSV file (UTF-8 with a byte order mark, so Excel shows Thai) holding one table, written with CsvHelper.</summary>
public sealed class CsvTableSink(Stream destination) : TableSink
{
    public const string ContentType = "text/csv; charset=utf-8";

    // Excel opens UTF-8 (Thai) correctly only with the byte order mark; a text cell that a
    // spreadsheet would run as a formula (=, +, -, @) is written with a leading apostrophe.
    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true, Injection = CsvInjection.Escape, TrueValue = "true", FalseValue = "false",
    };

    private readonly CsvWriter _csv = CsvWriter.Create(destination, Options, leaveOpen: true);
    private bool _started;

    public override async ValueTask StartTableAsync(string name, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        if (_started)
        {
            throw new InvalidOperationException("A CSV file holds one table.");
        }
        _started = true;
        await _csv.WriteRecordAsync([.. columns], cancellationToken);
    }

    public override void Text(string? value) => _csv.WriteField(value);

    public override void Number(long? value) => _csv.WriteField(value, "");

    public override void Score(double? value) => _csv.WriteField(value is null ? null : ScoreRounding.Display(value));

    public override void Date(DateOnly? value)
    {
        if (value is { } date)
        {
            _csv.WriteField(date, "yyyy-MM-dd");
        }
        else
        {
            _csv.WriteField((string?)null);
        }
    }

    public override void Flag(bool value) => _csv.WriteField(value);

    public override ValueTask EndRowAsync(CancellationToken cancellationToken) => _csv.EndRecordAsync(cancellationToken);

    public override async ValueTask FinishAsync(CancellationToken cancellationToken) => await _csv.FlushAsync(cancellationToken);

    public override ValueTask DisposeAsync() => _csv.DisposeAsync();
}
