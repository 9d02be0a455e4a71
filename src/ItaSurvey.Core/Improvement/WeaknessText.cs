using System.Globalization;
using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Core.Improvement;

/// <summary>The Thai sentences of the draft, worded as agencies word their reports.</summary>
public static class WeaknessText
{
    /// <summary>True when a score, as published (two decimals), is below a threshold.</summary>
    public static bool Below(double score, double threshold) => ScoreRounding.Round(score) < (decimal)threshold;

    /// <summary>
    /// The sentence that opens an indicator in its section, e.g. "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล
    /// ได้คะแนนร้อยละ 53.99 ซึ่งประเมินจากแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)".
    /// </summary>
    public static string Summary(AssessmentModel model, Indicator indicator, double score)
    {
        var instrument = model.FindInstrument(indicator.Instrument);
        var from = instrument is null ? "" : $" ซึ่งประเมินจาก{instrument.Name.Th} ({instrument.Code})";
        return $"ตัวชี้วัดที่ {indicator.Code} {indicator.Name.Th} ได้คะแนนร้อยละ {ScoreRounding.Display(score)}{from}";
    }

    /// <summary>A weak question: its code and text, its score, the threshold it misses and its weakest sub-item.</summary>
    public static string Question(AssessmentModel model, Question question, QuestionScore score)
    {
        var value = score.Score!.Value;
        var text = $"{question.Code} {question.Text.Th} ได้คะแนน {ScoreRounding.Display(value)}{Threshold(model.Flags, value)}";
        if (question.HasItems)
        {
            var weakest = score.Fields.Where(f => f.Score is not null).OrderBy(f => f.Score).FirstOrDefault();
            var item = weakest is null ? null : question.Items!.FirstOrDefault(i => i.Code == weakest.Code);
            if (item is not null)
            {
                text += $" ข้อย่อยที่ได้คะแนนต่ำสุด: {item.Text.Th} ({ScoreRounding.Display(weakest!.Score)})";
            }
        }
        return text;
    }

    /// <summary>An OIT item not disclosed, or not yet recorded.</summary>
    public static string OitItem(Question item, double? score) => score is null
        ? $"{item.Code} {item.Text.Th} ยังไม่ได้บันทึกผลการตรวจ (ยังไม่นับคะแนน)"
        : $"{item.Code} {item.Text.Th} ไม่พบการเผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงาน ได้ {ScoreRounding.Display(score, 0)} คะแนน";

    /// <summary>A whole indicator, when no question-level detail is available.</summary>
    public static string Indicator(AssessmentModel model, Indicator indicator, double score) =>
        $"ตัวชี้วัดที่ {indicator.Code} {indicator.Name.Th} ได้คะแนน {ScoreRounding.Display(score)}{Threshold(model.Flags, score)} (ไม่มีคะแนนรายข้อ)";

    /// <summary>Why an instrument's questions are not in the report.</summary>
    public static string Withheld(Instrument instrument, int minimumResponses) =>
        $"{instrument.Name.Th} ({instrument.Code}): {Privacy.Message(minimumResponses).Th} จึงไม่นำข้อคำถามของแบบวัดนี้มาจัดทำรายงาน";

    private static string Threshold(IndicatorFlags flags, double score) =>
        Below(score, flags.UrgentBelow) ? $" ต่ำกว่าเกณฑ์ {Number(flags.UrgentBelow)}"
        : Below(score, flags.ImproveBelow) ? $" ต่ำกว่า {Number(flags.ImproveBelow)}"
        : "";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
