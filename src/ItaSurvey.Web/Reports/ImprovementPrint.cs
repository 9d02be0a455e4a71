using ItaSurvey.Core.Improvement;
using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Surveys;

namespace ItaSurvey.Web.Reports;

/// <summary>One printed row. <see cref="Indicator"/> is set on the first row of each indicator only, as agencies lay out the table.</summary>
public sealed record PrintRow(string? Indicator, string Detail, string Weakness, string Action, string Owner, string Status, string? Evidence);

/// <summary>A numbered section of the printed report: its heading, the sentence naming its indicators, its rows.</summary>
public sealed record PrintSection(int Number, string Heading, string Lead, IReadOnlyList<PrintRow> Rows);

/// <summary>The printed report in the shape of the seed report, in Thai, ready for the print page, the PDF or a test.</summary>
public sealed record PrintedReport(string Title, string Subtitle, string Agency, string Opening, string Closing, IReadOnlyList<string> Withheld,
    IReadOnlyList<PrintSection> Sections, string Footer)
{
    public static PrintedReport From(ImprovementReportView view, SurveyLibrary surveys)
    {
        var round = view.Round;
        var agency = round.Agency.NameTh;
        var year = round.SurveyVersionId is { } version ? surveys.Version(version).Year : null;
        var assessment = view.Result?.Assessment;
        var opening = assessment?.Total is { } total
            ? $"จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ{agency} ประจำปีงบประมาณ พ.ศ. {round.FiscalYear} โดยภาพรวมได้คะแนน ร้อยละ {ScoreRounding.Display(total)} ระดับผลการประเมิน {assessment.Rating?.Name.Th}"
            : $"ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ{agency} ประจำปีงบประมาณ พ.ศ. {round.FiscalYear} ยังไม่มีคะแนนรวม";
        var closing = $"{agency}จึงได้ดำเนินการปรับปรุงแก้ไขข้อบกพร่องเพื่อยกระดับตัวชี้วัดให้สูงขึ้น เพื่อขับเคลื่อนมาตรการส่งเสริมคุณธรรมและความโปร่งใสในหน่วยงานภาครัฐ โดยมีรายละเอียดตัวชี้วัดการประเมิน ดังนี้";
        var items = view.Report?.Items ?? [];
        var sections = new[] { ImprovementSection.Urgent, ImprovementSection.ToImprove }
            .Select(section => Section(section, items.Where(i => i.Section == section).ToList(), view, year))
            .ToList();
        var report = view.Report;
        // A printed report goes to the public: it names no user, only when it was last brought up to date.
        var footer = report is null ? "" : $"ข้อมูล ณ {Formatting.AdminFormat.Moment(report.UpdatedAt)}";
        return new PrintedReport(
            "รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)",
            $"ประจำปีงบประมาณ พ.ศ. {round.FiscalYear}",
            $"{agency} จังหวัด{round.Agency.Province}",
            opening, closing, view.Draft?.Withheld.Select(w => w.Message).ToList() ?? [], sections, footer);
    }

    private static PrintSection Section(ImprovementSection section, List<ImprovementItemForm> items, ImprovementReportView view, SurveyYear? year)
    {
        var number = (int)section;
        var heading = ImprovementWords.Heading(section);
        var codes = items.Select(i => i.IndicatorCode).Distinct().ToList();
        var sentences = codes.Select(code =>
            view.Draft?.Indicators.FirstOrDefault(i => i.Code == code)?.Summary
            ?? $"ตัวชี้วัดที่ {code} {view.Indicators.FirstOrDefault(i => i.Code == code)?.Name}").ToList();
        var lead = sentences.Count == 0 ? "ไม่มีประเด็นในส่วนนี้" : "คือ " + string.Join(" และ", sentences);
        var rows = new List<PrintRow>();
        foreach (var group in items.GroupBy(i => i.IndicatorCode))
        {
            var first = true;
            string? previous = null;
            foreach (var item in group)
            {
                var label = first ? $"ตัวชี้วัดที่ {group.Key} {view.Indicators.FirstOrDefault(i => i.Code == group.Key)?.Name}" : null;
                var detail = Detail(item, year);
                // A sub-indicator is named on its first row only, as agencies lay out the table.
                rows.Add(new PrintRow(label, detail == previous && item.SourceKind == WeaknessSource.OitItem ? "" : detail, item.Weakness,
                    item.PlannedAction ?? "", item.Owner ?? "", ImprovementWords.Status(item.Status), item.EvidenceUrl));
                (first, previous) = (false, detail);
            }
        }
        return new PrintSection(number, heading, lead, rows);
    }

    /// <summary>The sub-indicator of an OIT item ("9.1 ข้อมูลพื้นฐาน"), or the question code.</summary>
    private static string Detail(ImprovementItemForm item, SurveyYear? year)
    {
        if (item.SourceKind == WeaknessSource.OitItem && year?.Questionnaires.GetValueOrDefault("OIT")?.Questions.FirstOrDefault(q => q.Code == item.SourceCode) is { SubIndicator: { } sub } question
            && year.Model.FindIndicator(question.Indicator)?.SubIndicators?.FirstOrDefault(s => s.Code == sub) is { } subIndicator)
        {
            return $"ตัวชี้วัดย่อยที่ {subIndicator.Code} {subIndicator.Name.Th}";
        }
        return item.SourceKind == WeaknessSource.Indicator ? "" : item.SourceCode;
    }
}
