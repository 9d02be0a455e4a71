using System.Globalization;

namespace ItaSurvey.Web.Imports;

/// <summary>The checks of single values in the official results CSV; each failure adds an error and gives null.</summary>
internal static class ResultValues
{
    public const int MinYear = 2500;

    public const int MaxYear = 2700;

    internal static string? Required(string? value, int row, string column, List<ImportError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(new ImportError(row, column, "ต้องมีค่า"));
            return null;
        }
        return value;
    }

    internal static int? Year(string? value, int row, List<ImportError> errors)
    {
        if (Required(value, row, "fiscal_year", errors) is not { } text)
        {
            return null;
        }
        if (!int.TryParse(ArabicDigits(text), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            errors.Add(new ImportError(row, "fiscal_year", $"'{text}' ไม่ใช่ปีงบประมาณ (พ.ศ. เช่น 2566)"));
            return null;
        }
        if (year is < MinYear or > MaxYear)
        {
            errors.Add(new ImportError(row, "fiscal_year", $"ปีงบประมาณ {year} ต้องเป็นปี พ.ศ. ระหว่าง {MinYear} ถึง {MaxYear}"));
            return null;
        }
        return year;
    }

    internal static double? Score(string? value, int row, string column, bool required, List<ImportError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                errors.Add(new ImportError(row, column, "ต้องมีคะแนน"));
            }
            return null;
        }
        if (!decimal.TryParse(ArabicDigits(value), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score))
        {
            errors.Add(new ImportError(row, column, $"'{value}' ไม่ใช่ตัวเลข"));
            return null;
        }
        if (score is < 0 or > 100)
        {
            errors.Add(new ImportError(row, column, $"คะแนน {value} ต้องอยู่ระหว่าง 0 ถึง 100"));
            return null;
        }
        if (score != Math.Round(score, 2))
        {
            errors.Add(new ImportError(row, column, $"คะแนน {value} มีทศนิยมเกิน 2 ตำแหน่ง"));
            return null;
        }
        return (double)score;
    }

    /// <summary>Thai digits (๐–๙, as in printed reports) read as 0–9.</summary>
    internal static string ArabicDigits(string value) =>
        string.Create(value.Length, value, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = text[i] is >= '\u0E50' and <= '\u0E59' ? (char)('0' + (text[i] - '\u0E50')) : text[i];
            }
        });
}
