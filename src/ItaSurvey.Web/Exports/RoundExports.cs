using System.Globalization;
using System.Security.Claims;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.ScoredResults;

namespace ItaSurvey.Web.Exports;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>Why an export was refused: no such round in the caller's scope, a bad instrument, or too few responses to stay anonymous.</summary>
public enum ExportRefusal
{
    NotFound,
    BadInstrument,
    Withheld,
}

/// <summary>A file ready to stream: its name, type, the responses it leaves out, and how to write it.</summary>
public sealed record ExportFile(string Name, ExportFormat Format, long Skipped, Func<TableSink, CancellationToken, Task> Write)
{
    public string ContentType => Format == ExportFormat.Csv ? CsvTableSink.ContentType : XlsxTableSink.ContentType;

    /// <summary>Writes the file to a stream as it is produced.</summary>
    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
    {
        await using TableSink sink = Format == ExportFormat.Csv
            ? new CsvTableSink(destination)
            : await XlsxTableSink.CreateAsync(destination, cancellationToken);
        await Write(sink, cancellationToken);
        await sink.FinishAsync(cancellationToken);
    }
}

/// <summary>An export's answer: a file, or a refusal with its reason in Thai and English.</summary>
public sealed record ExportOutcome(ExportFile? File, ExportRefusal? Refusal = null, LocalizedText? Message = null)
{
    public static ExportOutcome Refused(ExportRefusal refusal, LocalizedText message) => new(null, refusal, message);
}

/// <summary>
/// The exports of a round, behind both the admin and the API endpoints: scoping (a round out of
/// the caller's scope is not found), the privacy rule, the audit entry, then the file.
/// </summary>
public sealed class RoundExports(AgencyAccess access, ResponseExports responses, RoundResults results, AuditLog audit)
{
    public const string SkippedHeader = "X-Skipped-Responses";

    private static readonly LocalizedText NoInstrument = new(
        "ระบุเครื่องมือที่จะส่งออก: ?instrument=IIT (แบบวัด IIT) หรือ ?instrument=EIT (แบบวัด EIT)",
        "Name the instrument to export: ?instrument=IIT or ?instrument=EIT.");

    /// <summary>A round's responses to one instrument as CSV (<paramref name="instrument"/> IIT or EIT), or to both as an XLSX workbook with a codebook.</summary>
    public async Task<ExportOutcome> ResponsesAsync(ClaimsPrincipal user, int roundId, ExportFormat format, string? instrument, CancellationToken cancellationToken)
    {
        if (await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return NotFound(roundId);
        }
        string[] codes;
        if (format == ExportFormat.Xlsx)
        {
            codes = [.. ResponseExports.Instruments];
        }
        else if (ResponseExports.ParseInstrument(instrument) is { } code)
        {
            codes = [code];
        }
        else
        {
            return ExportOutcome.Refused(ExportRefusal.BadInstrument, instrument is null ? NoInstrument
                : new($"เครื่องมือต้องเป็น IIT หรือ EIT ไม่ใช่ '{instrument}'", $"instrument is IIT or EIT, not '{instrument}'."));
        }

        var exports = new List<ResponsesExport>();
        foreach (var code in codes)
        {
            if (await responses.PrepareAsync(roundId, code, cancellationToken) is not { } export)
            {
                return NotFound(roundId);
            }
            exports.Add(export);
        }
        if (exports.All(e => e.Withheld))
        {
            return ExportOutcome.Refused(ExportRefusal.Withheld, WithheldMessage(exports));
        }

        var year = exports[0].FiscalYear;
        var name = format == ExportFormat.Csv
            ? $"round-{roundId}-{year}-{codes[0].ToLowerInvariant()}-responses.csv"
            : $"round-{roundId}-{year}-responses.xlsx";
        var described = string.Join("; ", exports.Select(e => e.Withheld
            ? $"{e.Instrument} withheld ({e.Received} responses, {e.Rows} released, fewer than {e.MinimumResponses})"
            : $"{e.Instrument} {e.Rows} rows" + (e.HeldBack ? $" of {e.Received}" : "") + $", {e.Skipped} skipped"));
        await audit.RecordAsync(user, "export.responses", agencyId, $"round {roundId}: {name} ({described})", cancellationToken);
        return new ExportOutcome(new ExportFile(name, format, exports.Sum(e => e.Skipped), async (sink, ct) =>
        {
            foreach (var export in exports)
            {
                await responses.WriteAsync(sink, export, ct);
            }
            if (format == ExportFormat.Xlsx)
            {
                await ResponseExports.WriteCodebookAsync(sink, exports, ct);
            }
        }));
    }

    /// <summary>A round's results, a row per figure: one CSV table, or an XLSX sheet per level.</summary>
    public async Task<ExportOutcome> ResultsAsync(ClaimsPrincipal user, int roundId, ExportFormat format, CancellationToken cancellationToken)
    {
        if (await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is not { } agencyId
            || await results.ForRoundAsync(roundId, cancellationToken) is not { } result)
        {
            return NotFound(roundId);
        }
        var figures = ResultFigures.Of(result, result.Definitions);
        var name = $"round-{roundId}-{result.FiscalYear}-results.{(format == ExportFormat.Csv ? "csv" : "xlsx")}";
        var withheld = result.Withheld.Count == 0 ? "" : $", withheld: {string.Join(", ", result.Withheld.Order(StringComparer.Ordinal))}";
        await audit.RecordAsync(user, "export.results", agencyId, $"round {roundId}: {name} ({figures.Count} figures{withheld})", cancellationToken);
        return new ExportOutcome(new ExportFile(name, format, result.SkippedResponses,
            (sink, ct) => ResultFigures.WriteAsync(sink, figures, tablePerLevel: format == ExportFormat.Xlsx, ct)));
    }

    private static ExportOutcome NotFound(int roundId) => ExportOutcome.Refused(ExportRefusal.NotFound,
        new($"ไม่พบรอบการประเมิน {roundId} ที่คุณเข้าถึงได้", $"There is no round {roundId} that you may see."));

    private static LocalizedText WithheldMessage(IEnumerable<ResponsesExport> exports)
    {
        var list = exports.ToList();
        // An open round holding IIT back says so; too few responses is the other reason.
        if (list.FirstOrDefault(e => e.HeldBack) is { } heldBack)
        {
            return heldBack.WithheldMessage;
        }
        var k = list[0].MinimumResponses.ToString(CultureInfo.InvariantCulture);
        var which = string.Join(", ", list.Select(e => $"{e.Instrument} {e.Received.ToString(CultureInfo.InvariantCulture)}"));
        return new LocalizedText(
            $"ไม่ส่งออกคำตอบ ({which} คำตอบ): คำตอบน้อยกว่า {k} คำตอบ จึงไม่ส่งออกเพื่อรักษาความลับของผู้ตอบ",
            $"The responses are not exported ({which} responses): fewer than {k} responses could identify respondents, so they are withheld to protect their confidentiality.");
    }
}
