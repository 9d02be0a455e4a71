using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Loading;

/// <summary>The checks on a questionnaire that need the year's model.</summary>
internal static class QuestionnaireValidator
{
    public static void Check(Questionnaire questionnaire, AssessmentModel model, int folderYear, string expectedInstrument, DefinitionFile file)
    {
        if (questionnaire.FiscalYear != folderYear)
        {
            file.Report("$.fiscalYear", $"fiscalYear is {questionnaire.FiscalYear} but the file is in the folder of {folderYear}.",
                $"ปีงบประมาณ (fiscalYear) ในไฟล์เป็น {questionnaire.FiscalYear} แต่ไฟล์นี้อยู่ในโฟลเดอร์ของปีงบประมาณ {folderYear}");
        }
        if (!string.Equals(questionnaire.Instrument, expectedInstrument, StringComparison.Ordinal))
        {
            file.Report("$.instrument", $"The file is named for {expectedInstrument} but declares instrument '{questionnaire.Instrument}'.",
                $"ชื่อไฟล์เป็นของเครื่องมือ {expectedInstrument} แต่ในไฟล์ระบุเครื่องมือ '{questionnaire.Instrument}'");
        }
        if (model.FindInstrument(questionnaire.Instrument) is null)
        {
            file.Report("$.instrument", $"Instrument '{questionnaire.Instrument}' is not defined in model.json.",
                $"เครื่องมือ '{questionnaire.Instrument}' ไม่ได้กำหนดไว้ใน model.json");
            return;
        }
        file.RequireThai(questionnaire.Title, "$.title", "The questionnaire's title", "ชื่อของแบบสอบถาม");
        file.RequireUnique(questionnaire.Questions, q => q.Code, "$.questions", "Question", "ข้อคำถาม");

        var fieldCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < questionnaire.Questions.Count; i++)
        {
            CheckQuestion(questionnaire, model, questionnaire.Questions[i], $"$.questions[{i}]", fieldCodes, file);
        }
        CheckCoverage(questionnaire, model, file);
    }

    private static void CheckQuestion(Questionnaire questionnaire, AssessmentModel model, Question question, string path, HashSet<string> fieldCodes, DefinitionFile file)
    {
        file.RequireThai(question.Text, path + ".text", $"Question {question.Code}", $"ข้อความของข้อคำถาม {question.Code}");
        if (model.FindScale(question.Scale) is null)
        {
            file.Report(path + ".scale", $"Question {question.Code} uses scale '{question.Scale}', which model.json does not define.",
                $"ข้อคำถาม {question.Code} ใช้มาตรวัด '{question.Scale}' ซึ่งไม่ได้กำหนดไว้ใน model.json");
        }

        var indicator = model.FindIndicator(question.Indicator);
        if (indicator is null)
        {
            file.Report(path + ".indicator", $"Question {question.Code} names indicator '{question.Indicator}', which model.json does not define.",
                $"ข้อคำถาม {question.Code} ระบุตัวชี้วัด '{question.Indicator}' ซึ่งไม่ได้กำหนดไว้ใน model.json");
        }
        else if (indicator.Instrument != questionnaire.Instrument)
        {
            file.Report(path + ".indicator", $"Question {question.Code} names indicator {indicator.Code}, which belongs to {indicator.Instrument}, not {questionnaire.Instrument}.",
                $"ข้อคำถาม {question.Code} ระบุตัวชี้วัด {indicator.Code} ซึ่งอยู่ในเครื่องมือ {indicator.Instrument} ไม่ใช่ {questionnaire.Instrument}");
        }
        else if (indicator.HasSubIndicators && question.SubIndicator is null)
        {
            file.Report(path, $"Question {question.Code} must name a sub-indicator of indicator {indicator.Code} ({string.Join(", ", indicator.SubIndicators!.Select(s => s.Code))}).",
                $"ข้อคำถาม {question.Code} ต้องระบุตัวชี้วัดย่อยของตัวชี้วัด {indicator.Code} ({string.Join(", ", indicator.SubIndicators!.Select(s => s.Code))})");
        }
        else if (question.SubIndicator is { } sub && indicator.SubIndicators?.Any(s => s.Code == sub) != true)
        {
            file.Report(path + ".subIndicator", $"Question {question.Code} names sub-indicator '{sub}', which is not a sub-indicator of indicator {indicator.Code}.",
                $"ข้อคำถาม {question.Code} ระบุตัวชี้วัดย่อย '{sub}' ซึ่งไม่ใช่ตัวชี้วัดย่อยของตัวชี้วัด {indicator.Code}");
        }

        if (question.Items is { Count: 0 })
        {
            file.Report(path + ".items", $"Question {question.Code} has an empty list of sub-items; leave the list out for a single answer.",
                $"ข้อคำถาม {question.Code} มีรายการข้อย่อย (items) ที่ว่างเปล่า ถ้าข้อคำถามนี้มีคำตอบเดียว ให้ลบรายการนี้ออก");
        }
        if (!question.HasItems && !fieldCodes.Add(question.Code))
        {
            file.Report(path + ".code", $"Answer field '{question.Code}' is defined more than once.", $"รหัสช่องคำตอบ '{question.Code}' ถูกกำหนดไว้มากกว่าหนึ่งครั้ง");
        }
        for (var j = 0; j < (question.Items?.Count ?? 0); j++)
        {
            var item = question.Items![j];
            file.RequireThai(item.Text, $"{path}.items[{j}].text", $"Sub-item {item.Code}", $"ข้อความของข้อย่อย {item.Code}");
            if (!fieldCodes.Add(item.Code))
            {
                file.Report($"{path}.items[{j}].code", $"Answer field '{item.Code}' is defined more than once.", $"รหัสช่องคำตอบ '{item.Code}' ถูกกำหนดไว้มากกว่าหนึ่งครั้ง");
            }
        }
    }

    private static void CheckCoverage(Questionnaire questionnaire, AssessmentModel model, DefinitionFile file)
    {
        foreach (var indicator in model.IndicatorsOf(questionnaire.Instrument))
        {
            if (!questionnaire.Questions.Any(q => q.Indicator == indicator.Code))
            {
                file.Report("$.questions", $"Indicator {indicator.Code} has no question; every indicator of {questionnaire.Instrument} needs at least one.",
                    $"ตัวชี้วัด {indicator.Code} ยังไม่มีข้อคำถาม ทุกตัวชี้วัดของเครื่องมือ {questionnaire.Instrument} ต้องมีข้อคำถามอย่างน้อยหนึ่งข้อ");
                continue;
            }
            foreach (var sub in indicator.SubIndicators ?? [])
            {
                if (!questionnaire.Questions.Any(q => q.SubIndicator == sub.Code))
                {
                    file.Report("$.questions", $"Sub-indicator {sub.Code} has no question.", $"ตัวชี้วัดย่อย {sub.Code} ยังไม่มีข้อคำถาม");
                }
            }
        }
    }
}
