using System.Globalization;
using System.Text;
using CsvHelper;

namespace ItaSurvey.Web.Imports;

/// <summary>An agency the file's rows are matched against (exact Thai name and province).</summary>
public sealed record KnownAgency(int Id, string NameTh, string Province);

/// <summary>One valid row: an agency's official scores for one fiscal year (BE).</summary>
public sealed record OfficialResultRow(int Row, int AgencyId, string Agency, string Province, int FiscalYear,
    IReadOnlyDictionary<string, double> Indicators, double? Total);

/// <summary>A problem with the file, named by row (1-based, the header is row 1) and column.</summary>
public sealed record ImportError(int Row, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"แถว {Row}: {Message}" : $"แถว {Row} คอลัมน์ {Column}: {Message}";
}

/// <summary>What a file holds: its valid rows, and every error found (nothing may be imported when there is one).</summary>
public sealed record OfficialResultsFile(IReadOnlyList<OfficialResultRow> Rows, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Reads the CSV of official past results: header
/// <c>agency,province,fiscal_year,ind1,…,ind10,total</c>, UTF-8 with or without BOM, one row per
/// agency and fiscal year, scores 0–100 with at most two decimals, total optional. Every error in
/// the file is reported at once.
/// </summary>
public static class OfficialResultsCsv
{
    public static readonly string[] IndicatorCodes = [.. Enumerable.Range(1, 10).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The columns in the documented order; all required but <c>total</c>.</summary>
    public static readonly string[] Columns = ["agency", "province", "fiscal_year", .. IndicatorCodes.Select(c => "ind" + c), "total"];

    /// <summary>A reader for an uploaded or opened file: UTF-8 (a BOM is skipped), refusing bytes that are not UTF-8.</summary>
    public static StreamReader OpenText(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    public static OfficialResultsFile Read(TextReader text, IEnumerable<KnownAgency> agencies)
    {
        var known = agencies.ToLookup(a => (a.NameTh, a.Province));
        var rows = new List<OfficialResultRow>();
        var errors = new List<ImportError>();
        // Line numbers, as a spreadsheet or an editor shows them: the header is line 1.
        var options = new CsvReaderOptions { Separator = ',', HasHeader = true, TrackLineNumbers = true };
        using var csv = CsvReader.Create(text, options, leaveOpen: true);
        var firstRowOf = new Dictionary<(int, int), int>();
        try
        {
            if (csv.Headers.Count == 0)
            {
                return new OfficialResultsFile([], [new ImportError(1, null, $"ไฟล์ว่าง ต้องมีหัวตาราง {string.Join(',', Columns)}")]);
            }
            if (ReadHeader([.. csv.Headers], errors) is not { } positions)
            {
                return new OfficialResultsFile([], errors);
            }
            while (csv.Read())
            {
                var row = checked((int)csv.LineNumber);
                var fields = new string[csv.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = csv.GetString(i) ?? "";
                }
                if (fields.All(string.IsNullOrWhiteSpace))
                {
                    continue; // a spreadsheet's empty trailing rows
                }
                if (ReadRow(fields, row, positions, known, errors) is not { } result)
                {
                    continue;
                }
                if (firstRowOf.TryGetValue((result.AgencyId, result.FiscalYear), out var first))
                {
                    errors.Add(new ImportError(row, "fiscal_year", $"หน่วยงานและปีงบประมาณ {result.FiscalYear} ซ้ำกับแถว {first}"));
                    continue;
                }
                firstRowOf.Add((result.AgencyId, result.FiscalYear), row);
                rows.Add(result);
            }
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new ImportError(Math.Max(1, (int)csv.LineNumber), null,
                "ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 (ใน Excel ให้บันทึกเป็น 'CSV UTF-8 (Comma delimited)')"));
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(2, null, "ไม่มีข้อมูลผลการประเมินใต้หัวตาราง"));
        }
        return new OfficialResultsFile(rows, errors);
    }

    private static int[]? ReadHeader(string[] fields, List<ImportError> errors)
    {
        var names = fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var positions = new int[Columns.Length];
        var ok = true;
        for (var c = 0; c < Columns.Length; c++)
        {
            positions[c] = Array.IndexOf(names, Columns[c]);
            if (positions[c] < 0 && Columns[c] != "total")
            {
                errors.Add(new ImportError(1, Columns[c], "ไม่มีคอลัมน์นี้ในหัวตาราง"));
                ok = false;
            }
        }
        for (var p = 0; p < names.Length; p++)
        {
            if (!Columns.Contains(names[p]))
            {
                errors.Add(new ImportError(1, fields[p].Trim(), $"ไม่รู้จักคอลัมน์นี้ หัวตารางต้องเป็น {string.Join(',', Columns)}"));
                ok = false;
            }
            else if (Array.IndexOf(names, names[p]) != p)
            {
                errors.Add(new ImportError(1, names[p], "คอลัมน์นี้ซ้ำในหัวตาราง"));
                ok = false;
            }
        }
        return ok ? positions : null;
    }

    private static OfficialResultRow? ReadRow(string[] fields, int row, int[] positions, ILookup<(string, string), KnownAgency> known, List<ImportError> errors)
    {
        var before = errors.Count;
        var width = positions.Max() + 1;
        if (fields.Length > width && fields.Skip(width).Any(f => !string.IsNullOrWhiteSpace(f)))
        {
            errors.Add(new ImportError(row, $"#{width + 1}", $"มีค่าเกินจำนวนคอลัมน์ของหัวตาราง ({width} คอลัมน์)"));
        }
        string? Field(int column) => positions[column] >= 0 && positions[column] < fields.Length ? fields[positions[column]].Trim() : null;

        var agency = ResultValues.Required(Field(0), row, "agency", errors);
        var province = ResultValues.Required(Field(1), row, "province", errors);
        var matches = agency is null || province is null ? [] : known[(agency, province)].ToList();
        if (agency is not null && province is not null && matches.Count != 1)
        {
            errors.Add(new ImportError(row, "agency", matches.Count == 0
                ? $"ไม่พบหน่วยงาน '{agency}' จังหวัด '{province}' ในระบบ (ชื่อภาษาไทยและจังหวัดต้องตรงกับที่บันทึกไว้ทุกตัวอักษร)"
                : $"มีหน่วยงานชื่อ '{agency}' จังหวัด '{province}' ในระบบมากกว่าหนึ่งแห่ง"));
        }
        var year = ResultValues.Year(Field(2), row, errors);
        var indicators = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < IndicatorCodes.Length; i++)
        {
            if (ResultValues.Score(Field(3 + i), row, Columns[3 + i], required: true, errors) is { } score)
            {
                indicators[IndicatorCodes[i]] = score;
            }
        }
        var total = ResultValues.Score(Field(Columns.Length - 1), row, "total", required: false, errors);

        return errors.Count == before
            ? new OfficialResultRow(row, matches[0].Id, agency!, province!, year!.Value, indicators, total)
            : null;
    }
}
