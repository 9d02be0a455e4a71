namespace ItaSurvey.Web.Exports;

/// <summary>
/// Where an export writes its tables, one row at a time: a CSV file (one table) or an XLSX
/// workbook (a sheet per table). Rows are written out as they come, so an export of any size
/// holds one row in memory. Every write to the destination is asynchronous: ASP.NET Core
/// refuses synchronous writes to a response body.
/// </summary>
public abstract class TableSink : IAsyncDisposable
{
    /// <summary>Starts a table with its column names (its header row).</summary>
    public abstract ValueTask StartTableAsync(string name, IReadOnlyList<string> columns, CancellationToken cancellationToken);

    /// <summary>A text cell; null is an empty cell.</summary>
    public abstract void Text(string? value);

    /// <summary>A whole-number cell; null is an empty cell.</summary>
    public abstract void Number(long? value);

    /// <summary>A score as ITA shows it, two decimals (half away from zero); null is an empty cell.</summary>
    public abstract void Score(double? value);

    /// <summary>A date cell; null is an empty cell.</summary>
    public abstract void Date(DateOnly? value);

    /// <summary>A yes/no cell.</summary>
    public abstract void Flag(bool value);

    /// <summary>Ends the row; writes out what is buffered when the buffer is full enough.</summary>
    public abstract ValueTask EndRowAsync(CancellationToken cancellationToken);

    /// <summary>Completes the file (the workbook's closing parts) and flushes it.</summary>
    public abstract ValueTask FinishAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
