using System.Net.Mail;
using ItaSurvey.Web.Forms;

namespace ItaSurvey.Web.Accounts;

/// <summary>A user's e-mail (when creating), role and agencies, with its checks in Thai.</summary>
public sealed class UserForm
{
    public string Email { get; set; } = "";

    public string Role { get; set; } = Roles.AgencyAdmin;

    public HashSet<int> AgencyIds { get; set; } = [];

    /// <summary>System administrators see every agency, so their assignments are dropped.</summary>
    public IReadOnlyList<int> EffectiveAgencies => Role == Roles.SystemAdmin ? [] : AgencyIds.Order().ToList();

    public FormErrors Validate(bool creating, IReadOnlySet<int> existingAgencies)
    {
        var errors = new FormErrors();
        if (creating)
        {
            var email = Email.Trim();
            if (email.Length == 0)
            {
                errors.Add(nameof(Email), "กรุณากรอกอีเมล", "The e-mail address is required.");
            }
            else if (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            {
                errors.Add(nameof(Email), "อีเมลไม่ถูกต้อง", "This is not an e-mail address (one address, at most 256 characters).");
            }
        }
        if (!Roles.All.Contains(Role))
        {
            errors.Add(nameof(Role), "กรุณาเลือกบทบาท", $"The role is one of {string.Join(", ", Roles.All)}.");
        }
        else if (Role != Roles.SystemAdmin && AgencyIds.Count == 0)
        {
            errors.Add(nameof(AgencyIds), "กรุณาเลือกหน่วยงานอย่างน้อย 1 แห่ง", "An agency administrator or viewer needs at least one agency.");
        }
        else if (AgencyIds.Any(id => !existingAgencies.Contains(id)))
        {
            errors.Add(nameof(AgencyIds), "มีหน่วยงานที่เลือกซึ่งไม่มีอยู่ในระบบ",
                $"No agency has the id {string.Join(", ", AgencyIds.Where(id => !existingAgencies.Contains(id)).Order())}.");
        }
        return errors;
    }
}
