using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace ItaSurvey.Web.Tests.Exports;

/// <summary>An exported XLSX read back with the Open XML SDK: its sheets in order, each as rows of cell texts.</summary>
public sealed record Workbook(IReadOnlyList<string> SheetNames, IReadOnlyDictionary<string, List<List<string>>> Sheets)
{
    public static Workbook Read(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        var part = document.WorkbookPart!;
        var names = new List<string>();
        var sheets = new Dictionary<string, List<List<string>>>();
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = (WorksheetPart)part.GetPartById(sheet.Id!);
            names.Add(sheet.Name!);
            sheets[sheet.Name!] = [.. worksheet.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Text).ToList())];
        }
        return new Workbook(names, sheets);
    }

    private static string Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString
        ? cell.InlineString?.InnerText ?? ""
        : cell.CellValue?.Text ?? "";
}
