using ItaSurvey.Core.Model;
using ItaSurvey.Web.Surveys;

namespace ItaSurvey.Web.Agencies;

/// <summary>An agency as the API shows it; <c>webDomains</c> are its own web domains, evened out (an empty list when none).</summary>
public sealed record AgencyDto(int Id, string NameTh, string? NameEn, string Province, string AgencyGroup, int StaffHeadcount,
    IReadOnlyList<string> WebDomains)
{
    public static AgencyDto From(Agency agency) =>
        new(agency.Id, agency.NameTh, agency.NameEn, agency.Province, agency.AgencyGroup, agency.StaffHeadcount, agency.Domains());
}

/// <summary>The body of POST and PUT /agencies: every field but nameEn is required.</summary>
/// <param name="NameTh">The agency's Thai name.</param>
/// <param name="Province">The province.</param>
/// <param name="AgencyGroup">A group code of the newest fiscal year's EIT minimum-sample rules, e.g. tambon-municipality-s.</param>
/// <param name="StaffHeadcount">Staff with at least one year of service (0 or more): the base of the IIT minimum sample.</param>
/// <param name="NameEn">The English name, if any.</param>
/// <param name="WebDomains">
/// The agency's own web domains (up to 10, e.g. "khlongwan.go.th"; a URL or "www." is evened out to its
/// domain): evidence under them is shown as on the agency's site. Left out, PUT keeps the stored ones; [] clears them.
/// </param>
public sealed record AgencyRequest(string? NameTh, string? Province, string? AgencyGroup, int? StaffHeadcount, string? NameEn = null,
    IReadOnlyList<string?>? WebDomains = null)
{
    /// <summary>Every problem of the request, by field; empty when it is valid.</summary>
    public Dictionary<string, LocalizedText> Validate(SurveyCatalog catalog)
    {
        var errors = new Dictionary<string, LocalizedText>();
        Text(errors, "nameTh", NameTh, 200, required: true);
        Text(errors, "nameEn", NameEn, 200, required: false);
        Text(errors, "province", Province, 100, required: true);
        var newest = catalog.NewestFirst().First();
        var groups = newest.Model.MinimumSample.Eit.Groups.Select(g => g.Code).ToList();
        if (string.IsNullOrWhiteSpace(AgencyGroup))
        {
            errors["agencyGroup"] = new($"ระบุ agencyGroup เป็นกลุ่มหน่วยงานหนึ่งใน {string.Join(", ", groups)}", $"agencyGroup is required: one of {string.Join(", ", groups)}.");
        }
        else if (!groups.Contains(AgencyGroup.Trim()))
        {
            errors["agencyGroup"] = new($"ไม่มีกลุ่มหน่วยงาน '{AgencyGroup}' ในปีงบประมาณ {newest.FiscalYear} ใช้หนึ่งใน {string.Join(", ", groups)}",
                $"agencyGroup '{AgencyGroup}' is not a group of fiscal year {newest.FiscalYear}: use one of {string.Join(", ", groups)}.");
        }
        if (StaffHeadcount is null)
        {
            errors["staffHeadcount"] = new("ระบุ staffHeadcount จำนวนบุคลากรที่ปฏิบัติงานมาไม่น้อยกว่า 1 ปี",
                "staffHeadcount is required: the number of staff with at least one year of service.");
        }
        else if (StaffHeadcount < 0)
        {
            errors["staffHeadcount"] = new($"staffHeadcount ต้องเป็น 0 ขึ้นไป ไม่ใช่ {StaffHeadcount}", $"staffHeadcount must be 0 or more, not {StaffHeadcount}.");
        }
        if (WebDomains is not null)
        {
            var (domains, invalid) = AgencyDomains.Parse(WebDomains);
            if (AgencyDomains.Problem(domains, invalid) is { } problem)
            {
                errors["webDomains"] = problem;
            }
        }
        return errors;
    }

    /// <summary>Copies the (validated) request onto an agency; web domains only when given.</summary>
    public Agency ApplyTo(Agency agency)
    {
        agency.NameTh = NameTh!.Trim();
        agency.NameEn = string.IsNullOrWhiteSpace(NameEn) ? null : NameEn.Trim();
        agency.Province = Province!.Trim();
        agency.AgencyGroup = AgencyGroup!.Trim();
        agency.StaffHeadcount = StaffHeadcount!.Value;
        if (WebDomains is not null)
        {
            agency.WebDomains = AgencyDomains.Stored(AgencyDomains.Parse(WebDomains).Domains);
        }
        return agency;
    }

    private static void Text(Dictionary<string, LocalizedText> errors, string name, string? value, int maxLength, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors[name] = new($"ระบุ {name}", $"{name} is required.");
        }
        else if (value?.Trim().Length > maxLength)
        {
            errors[name] = new($"{name} ยาวได้ไม่เกิน {maxLength} ตัวอักษร", $"{name} must be at most {maxLength} characters.");
        }
    }
}
