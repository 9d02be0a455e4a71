using ItaSurvey.Core.Model;
using ItaSurvey.Web.Forms;

namespace ItaSurvey.Web.Agencies;

/// <summary>What the agency form edits, with its checks in Thai.</summary>
public sealed class AgencyForm
{
    public const int MaxHeadcount = 1_000_000;

    public string NameTh { get; set; } = "";

    public string? NameEn { get; set; }

    public string Province { get; set; } = "";

    public string AgencyGroup { get; set; } = "";

    public int? StaffHeadcount { get; set; }

    /// <summary>The agency's web domains as typed: separated by spaces, commas or new lines.</summary>
    public string? WebDomains { get; set; }

    public static AgencyForm From(Agency agency) => new()
    {
        NameTh = agency.NameTh, NameEn = agency.NameEn, Province = agency.Province,
        AgencyGroup = agency.AgencyGroup, StaffHeadcount = agency.StaffHeadcount, WebDomains = agency.WebDomains,
    };

    /// <summary>The typed domains, each evened out, or the ones that are not domains (<see cref="AgencyDomains.Parse"/>).</summary>
    public (IReadOnlyList<string> Domains, IReadOnlyList<string> Invalid) ParsedDomains() => AgencyDomains.Parse([WebDomains]);

    /// <summary>The groups a user may pick: the newest year's, plus the agency's own when a newer year dropped it.</summary>
    public static IReadOnlyList<AgencyGroupMinimum> GroupChoices(SurveyCatalog catalog, string? current)
    {
        var newest = catalog.Years.MaxBy(y => y.FiscalYear)?.Model.MinimumSample.Eit.Groups ?? [];
        var own = current is null || newest.Any(g => g.Code == current)
            ? null
            : catalog.Years.SelectMany(y => y.Model.MinimumSample.Eit.Groups).FirstOrDefault(g => g.Code == current);
        return own is null ? newest : [.. newest, own];
    }

    public FormErrors Validate(SurveyCatalog catalog)
    {
        var errors = new FormErrors();
        Required(errors, nameof(NameTh), NameTh, 200, "กรุณากรอกชื่อหน่วยงานภาษาไทย", "ชื่อภาษาไทยยาวได้ไม่เกิน 200 ตัวอักษร");
        if ((NameEn?.Trim().Length ?? 0) > 200)
        {
            errors.Add(nameof(NameEn), "ชื่อภาษาอังกฤษยาวได้ไม่เกิน 200 ตัวอักษร");
        }
        Required(errors, nameof(Province), Province, 100, "กรุณากรอกจังหวัด", "ชื่อจังหวัดยาวได้ไม่เกิน 100 ตัวอักษร");
        if (string.IsNullOrWhiteSpace(AgencyGroup))
        {
            errors.Add(nameof(AgencyGroup), "กรุณาเลือกกลุ่มหน่วยงาน");
        }
        else if (!catalog.Years.Any(y => y.Model.MinimumSample.Eit.MinimumFor(AgencyGroup) is not null))
        {
            errors.Add(nameof(AgencyGroup), "ไม่รู้จักกลุ่มหน่วยงานนี้ในเกณฑ์ของปีงบประมาณใด");
        }
        if (StaffHeadcount is not { } headcount)
        {
            errors.Add(nameof(StaffHeadcount), "กรุณากรอกจำนวนบุคลากรที่ปฏิบัติงานมาไม่น้อยกว่า 1 ปี");
        }
        else if (headcount is < 1 or > MaxHeadcount)
        {
            errors.Add(nameof(StaffHeadcount), $"จำนวนบุคลากรต้องอยู่ระหว่าง 1 ถึง {MaxHeadcount:N0} คน");
        }
        var (domains, invalid) = ParsedDomains();
        if (AgencyDomains.Problem(domains, invalid) is { } problem)
        {
            errors.Add(nameof(WebDomains), problem.Th);
        }
        return errors;
    }

    /// <summary>Copies the checked values onto an agency; returns what changed, for the audit log.</summary>
    public string ApplyTo(Agency agency)
    {
        var changes = new List<string>();
        Set(changes, "nameTh", agency.NameTh, NameTh.Trim(), v => agency.NameTh = v!);
        Set(changes, "nameEn", agency.NameEn, string.IsNullOrWhiteSpace(NameEn) ? null : NameEn.Trim(), v => agency.NameEn = v);
        Set(changes, "province", agency.Province, Province.Trim(), v => agency.Province = v!);
        Set(changes, "group", agency.AgencyGroup, AgencyGroup, v => agency.AgencyGroup = v!);
        Set(changes, "headcount", agency.StaffHeadcount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StaffHeadcount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => agency.StaffHeadcount = StaffHeadcount.Value);
        Set(changes, "webDomains", agency.WebDomains, AgencyDomains.Stored(ParsedDomains().Domains), v => agency.WebDomains = v);
        return string.Join("; ", changes);
    }

    private static void Required(FormErrors errors, string field, string? value, int max, string missing, string tooLong)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, missing);
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(field, tooLong);
        }
    }

    private static void Set(List<string> changes, string name, string? before, string? after, Action<string?> apply)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add($"{name}: {before ?? "-"} → {after ?? "-"}");
            apply(after);
        }
    }
}
