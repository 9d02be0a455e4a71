using ItaSurvey.Core.Scoring;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace ItaSurvey.Web.Exports;

/// <summary>
/// An XLSX workbook with a sheet per table, written with SpreadCheetah straight to the
/// destination: a zip streamed entry after entry, each row written as it is added, with
/// asynchronous writes only: ASP.NET Core refuses synchronous ones, which the zip writer under
/// SpreadCheetah makes for its small headers (see <see cref="AsyncOnlyStream"/>).
/// </summary>
public sealed class XlsxTableSink : TableSink
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's limit of rows on a sheet; a longer table goes on in a sheet named "name (2)", and so on.</summary>
    public const int MaxRowsPerSheet = 1_048_576;

    private readonly Spreadsheet _workbook;
    private readonly AsyncOnlyStream _body;
    private readonly int _rowsPerSheet;
    private readonly StyleId _header;
    private readonly StyleId _score;
    private readonly StyleId _date;
    private readonly List<Cell> _row = new(64);
    private string _table = "";
    private IReadOnlyList<string> _columns = [];
    private int _rowsOnSheet;
    private int _continuation;

    private XlsxTableSink(Spreadsheet workbook, AsyncOnlyStream body, int rowsPerSheet)
    {
        _workbook = workbook;
        _body = body;
        _rowsPerSheet = rowsPerSheet;
        _header = workbook.AddStyle(new Style { Font = { Bold = true } });
        _score = workbook.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.TwoDecimalPlaces) });
        _date = workbook.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
    }

    /// <summary>Starts a workbook on a stream, which need not be seekable.</summary>
    /// <param name="destination">Where the workbook goes, such as a response body.</param>
    /// <param name="cancellationToken">Stops writing.</param>
    /// <param name="rowsPerSheet">Rows (the header included) on a sheet before the table goes on in the next; Excel's limit unless a test says less.</param>
    public static async Task<XlsxTableSink> CreateAsync(Stream destination, CancellationToken cancellationToken, int rowsPerSheet = MaxRowsPerSheet)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerSheet, 2);
        var body = new AsyncOnlyStream(destination);
        return new(await Spreadsheet.CreateNewAsync(body, new SpreadCheetahOptions { BufferSize = 64 * 1024 }, cancellationToken), body, rowsPerSheet);
    }

    public override async ValueTask StartTableAsync(string name, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        _table = name;
        _columns = columns;
        _continuation = 1;
        await StartSheetAsync(name, cancellationToken);
    }

    private async ValueTask StartSheetAsync(string name, CancellationToken cancellationToken)
    {
        await _workbook.StartWorksheetAsync(name, new WorksheetOptions { FrozenRows = 1 }, cancellationToken);
        _row.Clear();
        _row.AddRange(_columns.Select(c => new Cell(c, _header)));
        await _workbook.AddRowAsync(_row, cancellationToken);
        _row.Clear();
        _rowsOnSheet = 1;
    }

    public override void Text(string? value) => _row.Add(new Cell(value));

    public override void Number(long? value) => _row.Add(new Cell(value));

    public override void Score(double? value) =>
        _row.Add(value is { } v && double.IsFinite(v) ? new Cell(ScoreRounding.Round(v), _score) : new Cell((string?)null));

    public override void Date(DateOnly? value) =>
        _row.Add(value is { } d ? new Cell(d.ToDateTime(TimeOnly.MinValue), _date) : new Cell((string?)null));

    public override void Flag(bool value) => _row.Add(new Cell(value));

    public override async ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        if (_rowsOnSheet == _rowsPerSheet)
        {
            _continuation++;
            var pending = _row.ToArray();
            await StartSheetAsync($"{_table} ({_continuation})", cancellationToken);
            _row.AddRange(pending);
        }
        await _workbook.AddRowAsync(_row, cancellationToken);
        _row.Clear();
        _rowsOnSheet++;
    }

    public override async ValueTask FinishAsync(CancellationToken cancellationToken)
    {
        await _workbook.FinishAsync(cancellationToken);
        await _workbook.DisposeAsync(); // the zip's central directory, written synchronously into the pending bytes
        await _body.FlushAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => _workbook.DisposeAsync();
}
