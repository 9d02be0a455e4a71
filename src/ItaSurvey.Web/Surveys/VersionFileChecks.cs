using System.Text.RegularExpressions;
using ItaSurvey.Core.Loading;

namespace ItaSurvey.Web.Surveys;

/// <summary>What any upload or save of a version's files must be, before the loader's own checks.</summary>
public static partial class VersionFileChecks
{
    /// <summary>The most files a version may have (a model and a questionnaire per instrument).</summary>
    public const int MaxFiles = 8;

    // Names and sizes an upload or a save may have: model.json and lower-case instrument files.
    public static VersionFailure? Acceptable(YearFiles set)
    {
        var problems = new List<DefinitionProblem>();
        if (set.Files.Count is 0 or > MaxFiles)
        {
            problems.Add(new($"{set.FiscalYear}/", 0, "$", $"A version has model.json and one file per instrument ({set.Files.Count} file(s) given, at most {MaxFiles}).",
                $"ฉบับหนึ่งมี model.json และไฟล์ของแต่ละเครื่องมือ (ส่งมา {set.Files.Count} ไฟล์ ได้ไม่เกิน {MaxFiles} ไฟล์)"));
        }
        foreach (var file in set.Files)
        {
            if (!FileName().IsMatch(file.Name))
            {
                problems.Add(new(file.Location, 0, "$", "A file name must be model.json or an instrument code in lower case, such as iit.json.",
                    "ชื่อไฟล์ต้องเป็น model.json หรือรหัสเครื่องมือตัวพิมพ์เล็ก เช่น iit.json"));
            }
            if (file.Content.Length > YearFiles.MaxFileBytes)
            {
                problems.Add(new(file.Location, 0, "$", $"The file is {file.Content.Length / 1024} KB; at most {YearFiles.MaxFileBytes / 1024} KB.",
                    $"ไฟล์มีขนาด {file.Content.Length / 1024} KB เกินกว่าที่รับได้ ({YearFiles.MaxFileBytes / 1024} KB)"));
            }
        }
        if (set.Files.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            problems.Add(new(twice.First().Location, 0, "$", "The file is given twice.", "ส่งไฟล์นี้มาซ้ำ"));
        }
        return problems.Count == 0 ? null : VersionFailure.Invalid(problems);
    }

    public static VersionFailure? NotJson(YearFiles set)
    {
        var problems = SurveyLoader.SyntaxProblems(set);
        return problems.Count == 0 ? null : VersionFailure.Invalid(problems);
    }

    [GeneratedRegex("^[a-z]{2,10}\\.json$")]
    private static partial Regex FileName();
}
