using System.Security.Claims;
using CsvHelper;

namespace ItaSurvey.Web.Reports;

/// <summary>/admin/rounds/{id}/report.csv and report.pdf: the stored improvement report as UTF-8 CSV for Excel and as the A4 PDF.</summary>
public static class ImprovementReportEndpoints
{
    public static readonly string[] Columns =
        ["ส่วน", "ตัวชี้วัด", "ชื่อตัวชี้วัด", "ประเภท", "รหัส", "ข้อบกพร่องหรือจุดอ่อน", "แนวทางปฏิบัติเพื่อยกระดับตัวชี้วัด", "ผู้รับผิดชอบ", "สถานะ", "หลักฐาน"];

    // Excel opens UTF-8 (Thai) correctly only with the byte order mark.
    private static readonly CsvWriterOptions Options = new() { WriteByteOrderMark = true };

    public static IEndpointRouteBuilder MapImprovementReports(this IEndpointRouteBuilder app)
    {
        // A file address: a round without a report answers a bare 404, not the HTML "not found" page.
        app.MapGet("/admin/rounds/{roundId:int}/report.csv", CsvAsync).RequireAuthorization().WithMetadata(new Microsoft.AspNetCore.Mvc.SkipStatusCodePagesAttribute());
        app.MapGet("/admin/rounds/{roundId:int}/report.pdf", PdfAsync).RequireAuthorization().WithMetadata(new Microsoft.AspNetCore.Mvc.SkipStatusCodePagesAttribute());
        return app;
    }

    private static async Task<IResult> PdfAsync(int roundId, ClaimsPrincipal user, ImprovementReportViews reports, Surveys.SurveyLibrary surveys, CancellationToken cancellationToken)
    {
        var view = await reports.LoadAsync(user, roundId, cancellationToken);
        return view?.Report is null
            ? Results.NotFound()
            : Results.File(ImprovementPdf.Render(PrintedReport.From(view, surveys)), "application/pdf", ImprovementAttachments.FileNameOf(view.Round.FiscalYear));
    }

    private static async Task<IResult> CsvAsync(int roundId, ClaimsPrincipal user, ImprovementReportViews reports, CancellationToken cancellationToken)
    {
        var view = await reports.LoadAsync(user, roundId, cancellationToken);
        if (view?.Report is not { } report)
        {
            return Results.NotFound();
        }
        var names = view.Indicators.ToDictionary(i => i.Code, i => i.Name);
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            await csv.WriteRecordAsync(Columns, cancellationToken);
            foreach (var item in report.Items)
            {
                csv.WriteField(((int)item.Section).ToString(System.Globalization.CultureInfo.InvariantCulture));
                csv.WriteField(item.IndicatorCode);
                csv.WriteField(names.GetValueOrDefault(item.IndicatorCode, ""));
                csv.WriteField(ImprovementWords.Source(item.SourceKind));
                csv.WriteField(Cell(item.SourceCode));
                csv.WriteField(Cell(item.Weakness));
                csv.WriteField(Cell(item.PlannedAction));
                csv.WriteField(Cell(item.Owner));
                csv.WriteField(ImprovementWords.Status(item.Status));
                csv.WriteField(Cell(item.EvidenceUrl));
                await csv.EndRecordAsync(cancellationToken);
            }
            await csv.FlushAsync(cancellationToken);
        }
        return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", $"improvement-report-{view.Round.FiscalYear}-round-{roundId}.csv");
    }

    /// <summary>
    /// Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) gets a leading
    /// apostrophe. That includes "- งาน…" as agencies write their actions: Excel reads it as a
    /// formula too, and shows #NAME? instead of the text.
    /// </summary>
    public static string Cell(string? text)
    {
        var value = text ?? "";
        if (value.Length == 0)
        {
            return value;
        }
        var risky = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        return risky ? "'" + value : value;
    }
}
