using System.Globalization;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Loading;

/// <summary>The checks on <c>model.json</c> that a JSON Schema cannot express.</summary>
internal static class ModelValidator
{
    private const double Tolerance = 1e-9;

    public static void Check(AssessmentModel model, int folderYear, DefinitionFile file)
    {
        if (model.FiscalYear != folderYear)
        {
            file.Report("$.fiscalYear", $"fiscalYear is {model.FiscalYear} but the file is in the folder of {folderYear}.",
                $"ปีงบประมาณ (fiscalYear) ในไฟล์เป็น {model.FiscalYear} แต่ไฟล์นี้อยู่ในโฟลเดอร์ของปีงบประมาณ {folderYear}");
        }
        file.RequireThai(model.Name, "$.name", "The model's name", "ชื่อของการประเมิน");
        CheckInstruments(model, file);
        CheckIndicators(model, file);
        CheckScales(model, file);
        CheckFlagsAndRating(model, file);
        CheckMinimumSample(model.MinimumSample, file);
    }

    private static void CheckInstruments(AssessmentModel model, DefinitionFile file)
    {
        file.RequireUnique(model.Instruments, i => i.Code, "$.instruments", "Instrument", "เครื่องมือ");
        for (var i = 0; i < model.Instruments.Count; i++)
        {
            var instrument = model.Instruments[i];
            file.RequireThai(instrument.Name, $"$.instruments[{i}].name", $"Instrument {instrument.Code}", $"ชื่อของเครื่องมือ {instrument.Code}");
            if (!model.IndicatorsOf(instrument.Code).Any())
            {
                file.Report($"$.instruments[{i}]", $"Instrument {instrument.Code} has no indicator.", $"เครื่องมือ {instrument.Code} ไม่มีตัวชี้วัดเลย");
            }
        }
        var sum = model.Instruments.Sum(i => i.Weight);
        if (Math.Abs(sum - 1) > Tolerance)
        {
            file.Report("$.instruments", $"The instrument weights add up to {Math.Round(sum, 9).ToString(CultureInfo.InvariantCulture)}; they must add up to 1.",
                $"น้ำหนักของเครื่องมือทั้งหมดรวมกันได้ {Math.Round(sum, 9).ToString(CultureInfo.InvariantCulture)} แต่ต้องรวมกันได้ 1");
        }
    }

    private static void CheckIndicators(AssessmentModel model, DefinitionFile file)
    {
        file.RequireUnique(model.Indicators, i => i.Code, "$.indicators", "Indicator", "ตัวชี้วัด");
        var subCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < model.Indicators.Count; i++)
        {
            var indicator = model.Indicators[i];
            var path = $"$.indicators[{i}]";
            file.RequireThai(indicator.Name, path + ".name", $"Indicator {indicator.Code}", $"ชื่อของตัวชี้วัด {indicator.Code}");
            if (model.FindInstrument(indicator.Instrument) is null)
            {
                file.Report(path + ".instrument", $"Indicator {indicator.Code} belongs to instrument '{indicator.Instrument}', which is not among the instruments.",
                    $"ตัวชี้วัด {indicator.Code} ระบุว่าอยู่ในเครื่องมือ '{indicator.Instrument}' ซึ่งไม่มีอยู่ในรายการเครื่องมือ");
            }
            var subs = indicator.SubIndicators ?? [];
            for (var s = 0; s < subs.Count; s++)
            {
                var subPath = $"{path}.subIndicators[{s}]";
                if (!subCodes.Add(subs[s].Code))
                {
                    file.Report(subPath + ".code", $"Sub-indicator code '{subs[s].Code}' is used more than once.", $"รหัสตัวชี้วัดย่อย '{subs[s].Code}' ถูกใช้มากกว่าหนึ่งครั้ง");
                }
                file.RequireThai(subs[s].Name, subPath + ".name", $"Sub-indicator {subs[s].Code}", $"ชื่อของตัวชี้วัดย่อย {subs[s].Code}");
            }
        }
    }

    private static void CheckScales(AssessmentModel model, DefinitionFile file)
    {
        file.RequireUnique(model.Scales, s => s.Code, "$.scales", "Scale", "มาตรวัด");
        for (var s = 0; s < model.Scales.Count; s++)
        {
            var scale = model.Scales[s];
            if (scale.Levels.Count < 2)
            {
                file.Report($"$.scales[{s}].levels", $"Scale {scale.Code} needs at least two levels.", $"มาตรวัด {scale.Code} ต้องมีระดับคำตอบอย่างน้อยสองระดับ");
            }
            for (var l = 0; l < scale.Levels.Count; l++)
            {
                var path = $"$.scales[{s}].levels[{l}]";
                var points = scale.Levels[l].Points;
                if (!double.IsFinite(points))
                {
                    file.Report(path + ".points", $"Level {l + 1} of scale {scale.Code} has no usable points (a fraction divides by zero).",
                        $"ระดับคำตอบที่ {l + 1} ของมาตรวัด {scale.Code} ไม่มีคะแนนที่ใช้ได้ (เศษส่วนมีตัวหารเป็นศูนย์)");
                }
                else if (points is < 0 or > 100)
                {
                    file.Report(path + ".points", $"Level {l + 1} of scale {scale.Code} gives {points.ToString(CultureInfo.InvariantCulture)} points; points run from 0 to 100.",
                        $"ระดับคำตอบที่ {l + 1} ของมาตรวัด {scale.Code} ให้ {points.ToString(CultureInfo.InvariantCulture)} คะแนน แต่คะแนนต้องอยู่ระหว่าง 0 ถึง 100");
                }
                file.RequireThai(scale.Levels[l].Label, path + ".label", $"Level {l + 1} of scale {scale.Code}", $"ข้อความกำกับระดับคำตอบที่ {l + 1} ของมาตรวัด {scale.Code}");
            }
        }
    }

    private static void CheckFlagsAndRating(AssessmentModel model, DefinitionFile file)
    {
        if (model.Flags.UrgentBelow > model.Flags.ImproveBelow)
        {
            file.Report("$.flags", "urgentBelow is above improveBelow: an urgent indicator must also be one to improve.",
                "ค่า urgentBelow สูงกว่า improveBelow แต่ตัวชี้วัดที่ต้องแก้ไขเร่งด่วนต้องเป็นตัวชี้วัดที่ต้องปรับปรุงด้วย");
        }
        var levels = model.Rating.Levels;
        if (levels.Count == 0)
        {
            file.Report("$.rating.levels", "The rating has no levels.", "ยังไม่ได้กำหนดระดับผลการประเมินเลย");
            return;
        }
        file.RequireUnique(levels, l => l.Code, "$.rating.levels", "Rating level", "ระดับผลการประเมิน");
        for (var i = 0; i < levels.Count; i++)
        {
            file.RequireThai(levels[i].Name, $"$.rating.levels[{i}].name", $"Rating level {levels[i].Code}", $"ชื่อของระดับผลการประเมิน {levels[i].Code}");
            if (i > 0 && levels[i].MinTotal > levels[i - 1].MinTotal)
            {
                file.Report($"$.rating.levels[{i}].minTotal", $"Rating level {levels[i].Code} needs more than {levels[i - 1].Code} above it; list the levels from highest to lowest.",
                    $"ระดับผลการประเมิน {levels[i].Code} ต้องใช้คะแนนรวมขั้นต่ำสูงกว่าระดับ {levels[i - 1].Code} ที่อยู่ก่อนหน้า ให้เรียงระดับผลการประเมินจากสูงสุดไปต่ำสุด");
            }
        }
        if (levels[^1].MinTotal != 0)
        {
            file.Report($"$.rating.levels[{levels.Count - 1}].minTotal", $"The lowest rating level ({levels[^1].Code}) must start at 0 so that every total gets a rating.",
                $"ระดับผลการประเมินต่ำสุด ({levels[^1].Code}) ต้องเริ่มที่คะแนนรวม 0 เพื่อให้คะแนนรวมทุกค่าได้ระดับผลการประเมิน");
        }
    }

    private static void CheckMinimumSample(MinimumSampleRules rules, DefinitionFile file)
    {
        file.RequireUnique(rules.Eit.Groups, g => g.Code, "$.minimumSample.eit.groups", "Agency group", "กลุ่มหน่วยงาน");
        for (var i = 0; i < rules.Eit.Groups.Count; i++)
        {
            file.RequireThai(rules.Eit.Groups[i].Name, $"$.minimumSample.eit.groups[{i}].name", $"Agency group {rules.Eit.Groups[i].Code}", $"ชื่อของกลุ่มหน่วยงาน {rules.Eit.Groups[i].Code}");
        }
    }
}
