using ItaSurvey.Core.Model;
using ItaSurvey.Web.Forms;

namespace ItaSurvey.Web.Rounds;

/// <summary>What the round forms edit: the fiscal year (when creating), the dates and the IIT mode.</summary>
public sealed class RoundForm
{
    public int? FiscalYear { get; set; }

    public DateOnly? OpensOn { get; set; }

    public DateOnly? ClosesOn { get; set; }

    public IitMode IitMode { get; set; } = IitMode.OpenLink;

    /// <summary>The fiscal years a new round of the agency may take: defined, and without a round yet; newest first.</summary>
    public static IReadOnlyList<int> FreeYears(SurveyCatalog catalog, IEnumerable<int> yearsTaken) =>
        catalog.Years.Select(y => y.FiscalYear).Except(yearsTaken).OrderDescending().ToList();

    /// <summary>A new round's form: the newest free year, dates still to pick.</summary>
    public static RoundForm New(SurveyCatalog catalog, IEnumerable<int> yearsTaken) =>
        new() { FiscalYear = FreeYears(catalog, yearsTaken).Cast<int?>().FirstOrDefault() };

    public static RoundForm From(AssessmentRound round) => new()
    {
        FiscalYear = round.FiscalYear, OpensOn = round.OpensOn, ClosesOn = round.ClosesOn, IitMode = round.IitMode,
    };

    /// <summary>Checks a new round: the year must be defined and not yet used by the agency.</summary>
    public FormErrors ValidateNew(SurveyCatalog catalog, IEnumerable<int> yearsTaken)
    {
        var errors = new FormErrors();
        if (FiscalYear is not { } year || !catalog.Has(year))
        {
            errors.Add(nameof(FiscalYear), "กรุณาเลือกปีงบประมาณที่มีชุดแบบวัด", "Choose a fiscal year with a questionnaire set.");
        }
        else if (yearsTaken.Contains(year))
        {
            errors.Add(nameof(FiscalYear), $"หน่วยงานนี้มีรอบการประเมินปีงบประมาณ พ.ศ. {year} แล้ว", $"The agency already has a round for fiscal year {year}.");
        }
        ValidateDates(errors);
        return errors;
    }

    /// <summary>Checks a change to an existing round: dates and mode only.</summary>
    public FormErrors ValidateChange()
    {
        var errors = new FormErrors();
        ValidateDates(errors);
        return errors;
    }

    private void ValidateDates(FormErrors errors)
    {
        if (OpensOn is null)
        {
            errors.Add(nameof(OpensOn), "กรุณาระบุวันเปิดรับคำตอบ", "Give the first day responses are accepted.");
        }
        if (ClosesOn is null)
        {
            errors.Add(nameof(ClosesOn), "กรุณาระบุวันปิดรับคำตอบ", "Give the last day responses are accepted.");
        }
        else if (OpensOn is { } opens && ClosesOn < opens)
        {
            errors.Add(nameof(ClosesOn), "วันปิดต้องไม่ก่อนวันเปิดรับคำตอบ", "The round cannot close before it opens.");
        }
        if (!Enum.IsDefined(IitMode))
        {
            errors.Add(nameof(IitMode), "กรุณาเลือกวิธีเข้าตอบแบบวัด IIT", "Choose how staff reach the IIT questionnaire: openLink or singleUseCodes.");
        }
    }
}
