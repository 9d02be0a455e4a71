using System.Text.RegularExpressions;
using ItaSurvey.Core.Loading;

namespace ItaSurvey.Core.Tests;

/// <summary>
/// Every problem the loader reports also carries a plain Thai sentence, for the administrators who
/// edit fiscal years in the web editor; the English message stays as it was.
/// </summary>
public partial class ThaiMessagesTests
{
    private sealed record Breakage(Action<SurveyCopy> Apply, string Thai);

    // Each breakage, and a fragment of the Thai sentence it must produce.
    private static readonly Dictionary<string, Breakage> Breakages = new(StringComparer.Ordinal)
    {
        ["invalid JSON"] = new(c => c.Replace("2565/eit.json", "\"officialWording\": false,", "\"officialWording\": false,,"), "ไฟล์ไม่ใช่ JSON ที่ถูกต้อง: "),
        ["missing property"] = new(c => c.Replace("2565/model.json", "\"points\": 0", "\"note\": \"points forgotten\""), "ขาดฟิลด์ที่ต้องระบุ: [\"points\"]"),
        ["unknown property"] = new(c => c.Replace("2566/eit.json", "\"scale\": \"A4\"", "\"scael\": \"A4\""), "ไม่รู้จักฟิลด์ 'scael'"),
        ["wrong type"] = new(c => c.Replace("2566/iit.json", "\"fiscalYear\": 2566", "\"fiscalYear\": \"2566\""), "ค่านี้มีชนิดข้อมูลไม่ถูกต้อง"),
        ["value outside the enum"] = new(c => c.Replace("2566/eit.json", "\"direction\": \"negative\"", "\"direction\": \"reverse\""), "ค่านี้ไม่ใช่ค่าที่อนุญาต"),
        ["value not matching a pattern"] = new(c => c.Replace("2566/eit.json", "\"instrument\": \"EIT\"", "\"instrument\": \"eit\""), "ค่านี้ไม่อยู่ในรูปแบบที่กำหนด"),
        ["other schema rule (negative weight)"] = new(c => c.Replace("2566/model.json", "\"weight\": 0.4", "\"weight\": -0.4"), "ไม่ตรงกับรูปแบบที่กำหนด (minimum)"),
        ["blank Thai text"] = new(c => c.Replace("2566/model.json", "\"th\": \"การใช้อำนาจ\"", "\"th\": \" \""), "ชื่อของตัวชี้วัด 3 ยังไม่มีข้อความภาษาไทย"),
        ["weights not adding up to 1"] = new(c => c.Replace("2566/model.json", "\"weight\": 0.4", "\"weight\": 0.5"), "น้ำหนักของเครื่องมือทั้งหมดรวมกันได้ 1.1 แต่ต้องรวมกันได้ 1"),
        ["duplicate indicator code"] = new(c => c.Replace("2566/model.json", "\"code\": \"5\"", "\"code\": \"4\""), "รหัสตัวชี้วัด '4' ถูกใช้มากกว่าหนึ่งครั้ง"),
        ["duplicate answer field"] = new(c => c.Replace("2566/eit.json", "\"code\": \"E1.2\"", "\"code\": \"E1.1\""), "รหัสช่องคำตอบ 'E1.1' ถูกกำหนดไว้มากกว่าหนึ่งครั้ง"),
        ["scale level without usable points"] = new(c => c.Replace("2566/model.json", "\"points\": 100", "\"points\": \"100/0\""), "ระดับคำตอบที่ 4 ของมาตรวัด A4 ไม่มีคะแนนที่ใช้ได้"),
        ["scale level above 100 points"] = new(c => c.Replace("2566/model.json", "\"points\": 100", "\"points\": 150"), "ให้ 150 คะแนน แต่คะแนนต้องอยู่ระหว่าง 0 ถึง 100"),
        ["indicator of a missing instrument"] = new(c => c.Replace("2566/model.json", "\"instrument\": \"EIT\"", "\"instrument\": \"XIT\""), "ระบุว่าอยู่ในเครื่องมือ 'XIT' ซึ่งไม่มีอยู่ในรายการเครื่องมือ"),
        ["rating levels out of order"] = new(c => c.Replace("2566/model.json", "\"minTotal\": 85", "\"minTotal\": 99"), "ให้เรียงระดับผลการประเมินจากสูงสุดไปต่ำสุด"),
        ["lowest rating level above 0"] = new(c => c.Replace("2566/model.json", "\"minTotal\": 0", "\"minTotal\": 10"), "ระดับผลการประเมินต่ำสุด (failed) ต้องเริ่มที่คะแนนรวม 0"),
        ["urgent above improve"] = new(c => c.Replace("2566/model.json", "\"urgentBelow\": 85", "\"urgentBelow\": 95"), "ค่า urgentBelow สูงกว่า improveBelow"),
        ["question naming a missing indicator"] = new(c => c.Replace("2566/iit.json", "\"indicator\": \"3\"", "\"indicator\": \"33\""), "ข้อคำถาม I13 ระบุตัวชี้วัด '33' ซึ่งไม่ได้กำหนดไว้ใน model.json"),
        ["question naming another instrument's indicator"] = new(c => c.Replace("2566/eit.json", "\"indicator\": \"6\"", "\"indicator\": \"1\""), "ระบุตัวชี้วัด 1 ซึ่งอยู่ในเครื่องมือ IIT ไม่ใช่ EIT"),
        ["question naming a missing scale"] = new(c => c.Replace("2566/iit.json", "\"scale\": \"A4\"", "\"scale\": \"A5\""), "ใช้มาตรวัด 'A5' ซึ่งไม่ได้กำหนดไว้ใน model.json"),
        ["question without its sub-indicator"] = new(c => c.Replace("2566/oit.json", "\"subIndicator\": \"9.1\",", ""), "ต้องระบุตัวชี้วัดย่อยของตัวชี้วัด 9"),
        ["question in another indicator's sub-indicator"] = new(c => c.Replace("2566/oit.json", "\"subIndicator\": \"9.1\"", "\"subIndicator\": \"10.1\""), "ซึ่งไม่ใช่ตัวชี้วัดย่อยของตัวชี้วัด 9"),
        ["indicator without a question"] = new(
            c =>
            {
                for (var i = 0; i < 5; i++)
                {
                    c.Replace("2564/eit.json", "\"indicator\": \"8\"", "\"indicator\": \"7\"");
                }
            },
            "ตัวชี้วัด 8 ยังไม่มีข้อคำถาม"),
        ["questionnaire declaring another instrument"] = new(c => c.Replace("2566/eit.json", "\"instrument\": \"EIT\"", "\"instrument\": \"IIT\""), "ชื่อไฟล์เป็นของเครื่องมือ EIT แต่ในไฟล์ระบุเครื่องมือ 'IIT'"),
        ["questionnaire of an undefined instrument"] = new(c => c.Replace("2566/eit.json", "\"instrument\": \"EIT\"", "\"instrument\": \"XIT\""), "เครื่องมือ 'XIT' ไม่ได้กำหนดไว้ใน model.json"),
        ["missing questionnaire file"] = new(c => File.Delete(c.PathOf("2566/eit.json")), "เครื่องมือ EIT ยังไม่มีแบบสอบถาม: ต้องมีไฟล์ "),
        ["missing model file"] = new(c => File.Delete(c.PathOf("2566/model.json")), "ปีงบประมาณนี้ไม่มีไฟล์ model.json"),
        ["wrong fiscalYear in a questionnaire"] = new(c => c.Replace("2566/oit.json", "\"fiscalYear\": 2566", "\"fiscalYear\": 2567"), "ปีงบประมาณ (fiscalYear) ในไฟล์เป็น 2567 แต่ไฟล์นี้อยู่ในโฟลเดอร์ของปีงบประมาณ 2566"),
        ["wrong fiscalYear in a model"] = new(c => c.Replace("2565/model.json", "\"fiscalYear\": 2565", "\"fiscalYear\": 2566"), "ปีงบประมาณ (fiscalYear) ในไฟล์เป็น 2566 แต่ไฟล์นี้อยู่ในโฟลเดอร์ของปีงบประมาณ 2565"),
    };

    public static TheoryData<string> BreakageNames => new(Breakages.Keys);

    [Theory]
    [MemberData(nameof(BreakageNames))]
    public void Each_breakage_is_also_reported_in_a_plain_Thai_sentence(string name)
    {
        using var copy = new SurveyCopy();
        var breakage = Breakages[name];
        breakage.Apply(copy);

        var problems = copy.Load().Problems;

        Assert.NotEmpty(problems);
        AssertEveryProblemHasThai(problems);
        Assert.True(
            problems.Any(p => p.Thai!.Contains(breakage.Thai, StringComparison.Ordinal)),
            $"No problem says '{breakage.Thai}'. Found:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => p.ToThaiString()))}");
    }

    [Fact]
    public void Breaking_every_file_in_many_ways_at_once_gives_Thai_for_every_problem_and_keeps_the_English()
    {
        using var copy = new SurveyCopy();
        copy.Replace("2565/eit.json", "\"officialWording\": false,", "\"officialWording\": false,,");
        copy.Replace("2565/model.json", "\"points\": 0", "\"note\": \"points forgotten\"");
        copy.Replace("2566/model.json", "\"weight\": 0.4", "\"weight\": 0.5");
        copy.Replace("2566/model.json", "\"code\": \"5\"", "\"code\": \"4\"");
        copy.Replace("2566/model.json", "\"points\": 100", "\"points\": \"100/0\"");
        copy.Replace("2566/model.json", "\"minTotal\": 0", "\"minTotal\": 10");
        copy.Replace("2566/iit.json", "\"indicator\": \"3\"", "\"indicator\": \"33\"");
        copy.Replace("2566/eit.json", "\"scale\": \"A4\"", "\"scael\": \"A4\"");
        copy.Replace("2566/eit.json", "\"direction\": \"negative\"", "\"direction\": \"reverse\"");
        copy.Replace("2566/oit.json", "\"fiscalYear\": 2566", "\"fiscalYear\": 2567");
        File.Delete(copy.PathOf("2564/oit.json"));

        var problems = copy.Load().Problems;

        Assert.True(problems.Count >= 10, $"Only {problems.Count} problems.");
        AssertEveryProblemHasThai(problems);
        Assert.Contains(problems, p => p.Message.Contains("weights add up to 1.1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.StartsWith("The file is not valid JSON: ", StringComparison.Ordinal)
            && p.Thai!.StartsWith("ไฟล์ไม่ใช่ JSON ที่ถูกต้อง: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Thai!.Contains("เครื่องมือ OIT ยังไม่มีแบบสอบถาม", StringComparison.Ordinal));
    }

    [Fact]
    public void Folder_problems_are_in_Thai_too()
    {
        var missing = Path.Combine(Path.GetTempPath(), "itasurvey-" + Guid.NewGuid().ToString("N"));
        var noFolder = Assert.Single(SurveyLoader.Load(missing).Problems);
        Assert.Equal("ไม่พบโฟลเดอร์นี้", noFolder.Thai);

        using var copy = new SurveyCopy();
        var empty = Path.Combine(copy.Root, "schema");
        var noYear = Assert.Single(SurveyLoader.Load(empty).Problems);
        Assert.Contains("ไม่พบโฟลเดอร์ปีงบประมาณ", noYear.Thai, StringComparison.Ordinal);

        var error = Assert.Throws<SurveyDefinitionException>(() => SurveyLoader.ReadYearFolder(empty));
        AssertEveryProblemHasThai(error.Problems);
        Assert.Contains("ตั้งชื่อตามปีพุทธศักราช", error.Problems[0].Thai, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_too_large_is_reported_in_Thai()
    {
        var files = new YearFiles(2570, [
            YearFile.Stored(2570, "model.json", "{}"),
            YearFile.Stored(2570, "iit.json", new string(' ', YearFiles.MaxFileBytes + 1)),
        ]);

        var problem = Assert.Single(SurveyLoader.LoadYear(files).Problems);

        Assert.Equal("2570/iit.json", problem.File);
        Assert.Equal("The file is 1024 KB; a definition file may be at most 1024 KB.", problem.Message);
        Assert.Equal("ไฟล์มีขนาด 1024 KB แต่ไฟล์กำหนดแบบประเมินแต่ละไฟล์มีขนาดได้ไม่เกิน 1024 KB", problem.Thai);
    }

    [Fact]
    public void A_stored_year_names_its_files_by_year_and_name_in_Thai_lines()
    {
        // The 2566 files stored as 2570: every file declares the wrong fiscal year, and the model's weights are off.
        var files = new YearFiles(2570, Directory.GetFiles(Path.Combine(Surveys.Root, "2566"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var text = File.ReadAllText(path);
                if (Path.GetFileName(path) == "model.json")
                {
                    text = text.Replace("\"weight\": 0.4", "\"weight\": 0.5", StringComparison.Ordinal);
                }
                return YearFile.Stored(2570, Path.GetFileName(path), text);
            })
            .ToList());

        var result = SurveyLoader.LoadYear(files);

        Assert.False(result.IsValid);
        AssertEveryProblemHasThai(result.Problems);
        Assert.All(result.Problems, p => Assert.Matches(@"^2570/(model|iit|eit|oit)\.json$", p.File));
        var fiscalYear = Assert.Single(result.Problems, p => p.File == "2570/model.json" && p.JsonPath == "$.fiscalYear");
        Assert.Equal(3, fiscalYear.Line);
        Assert.Equal("2570/model.json:3: $.fiscalYear: fiscalYear is 2566 but the file is in the folder of 2570.", fiscalYear.ToString());
        Assert.Equal("2570/model.json:3: $.fiscalYear: ปีงบประมาณ (fiscalYear) ในไฟล์เป็น 2566 แต่ไฟล์นี้อยู่ในโฟลเดอร์ของปีงบประมาณ 2570", fiscalYear.ToThaiString());
        var weights = Assert.Single(result.Problems, p => p.File == "2570/model.json" && p.JsonPath == "$.instruments");
        Assert.Equal("2570/model.json:7: $.instruments: น้ำหนักของเครื่องมือทั้งหมดรวมกันได้ 1.1 แต่ต้องรวมกันได้ 1", weights.ToThaiString());
        Assert.Contains(result.Problems, p => p.File == "2570/oit.json" && p.Thai!.Contains("ปีงบประมาณ 2570", StringComparison.Ordinal));
    }

    [Fact]
    public void ToThaiString_falls_back_to_the_English_when_a_problem_has_no_Thai()
    {
        var withThai = new DefinitionProblem("2570/iit.json", 7, "$.title", "English.", "ภาษาไทย");
        var withoutThai = new DefinitionProblem("2570/iit.json", 0, "$", "English.");

        Assert.Equal("2570/iit.json:7: $.title: English.", withThai.ToString());
        Assert.Equal("2570/iit.json:7: $.title: ภาษาไทย", withThai.ToThaiString());
        Assert.Null(withoutThai.Thai);
        Assert.Equal("2570/iit.json: $: English.", withoutThai.ToThaiString());
    }

    private static void AssertEveryProblemHasThai(IReadOnlyList<DefinitionProblem> problems)
    {
        foreach (var problem in problems)
        {
            Assert.False(string.IsNullOrWhiteSpace(problem.Thai), $"No Thai for: {problem}");
            Assert.True(ThaiLetter().IsMatch(problem.Thai!), $"The Thai of '{problem}' has no Thai letter: {problem.Thai}");
            Assert.False(string.IsNullOrWhiteSpace(problem.Message), $"No English for: {problem.ToThaiString()}");
        }
    }

    [GeneratedRegex(@"[\u0E01-\u0E5B]")]
    private static partial Regex ThaiLetter();
}
