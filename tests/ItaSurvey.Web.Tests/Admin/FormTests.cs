using ItaSurvey.Core.Loading;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Rounds;

namespace ItaSurvey.Web.Tests.Admin;

/// <summary>The checks of the admin forms, in Thai, without a browser.</summary>
public class FormTests
{
    private static readonly SurveyCatalog Catalog = SurveyLoader.LoadCatalog(Path.Combine(AppContext.BaseDirectory, "surveys"));

    [Fact]
    public void An_empty_agency_form_names_every_missing_field_in_Thai()
    {
        var errors = new AgencyForm().Validate(Catalog);

        Assert.Equal("กรุณากรอกชื่อหน่วยงานภาษาไทย", errors[nameof(AgencyForm.NameTh)]);
        Assert.Equal("กรุณากรอกจังหวัด", errors[nameof(AgencyForm.Province)]);
        Assert.Equal("กรุณาเลือกกลุ่มหน่วยงาน", errors[nameof(AgencyForm.AgencyGroup)]);
        Assert.True(errors.Has(nameof(AgencyForm.StaffHeadcount)));
        Assert.False(errors.Has(nameof(AgencyForm.NameEn)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1_000_001)]
    public void A_headcount_outside_1_to_a_million_is_refused(int headcount)
    {
        var form = new AgencyForm { NameTh = "เทศบาล", Province = "ตราด", AgencyGroup = "sao-s", StaffHeadcount = headcount };

        Assert.Equal([nameof(AgencyForm.StaffHeadcount)], form.Validate(Catalog).Fields);
    }

    [Fact]
    public void An_agency_group_no_year_defines_is_refused()
    {
        var form = new AgencyForm { NameTh = "เทศบาล", Province = "ตราด", AgencyGroup = "moon-base", StaffHeadcount = 10 };

        Assert.Equal("ไม่รู้จักกลุ่มหน่วยงานนี้ในเกณฑ์ของปีงบประมาณใด", form.Validate(Catalog)[nameof(AgencyForm.AgencyGroup)]);
    }

    [Fact]
    public void Applying_an_agency_form_trims_and_lists_only_what_changed()
    {
        var agency = new Agency { NameTh = "เทศบาลตำบลคลองวาฬ", Province = "ประจวบคีรีขันธ์", AgencyGroup = "tambon-municipality-s", StaffHeadcount = 80 };
        var form = AgencyForm.From(agency);
        form.Province = "  ประจวบคีรีขันธ์ ";
        form.NameEn = "  ";
        form.StaffHeadcount = 95;

        var changes = form.ApplyTo(agency);

        Assert.Equal("headcount: 80 → 95", changes);
        Assert.Null(agency.NameEn);
    }

    [Fact]
    public void The_group_choices_are_the_newest_years_with_the_agencys_own_kept()
    {
        var newest = AgencyForm.GroupChoices(Catalog, null);

        Assert.Contains(newest, g => g.Code == "tambon-municipality-s" && g.Name.Th == "เทศบาลตำบล ขนาดเล็ก");
        Assert.Equal(newest.Count, AgencyForm.GroupChoices(Catalog, "sao-s").Count);
    }

    [Fact]
    public void A_round_that_closes_before_it_opens_is_refused()
    {
        var form = new RoundForm { FiscalYear = 2566, OpensOn = new DateOnly(2023, 6, 1), ClosesOn = new DateOnly(2023, 5, 31) };

        var errors = form.ValidateNew(Catalog, []);

        Assert.Equal(["ClosesOn"], errors.Fields);
        Assert.Equal("วันปิดต้องไม่ก่อนวันเปิดรับคำตอบ", errors["ClosesOn"]);
    }

    [Fact]
    public void A_new_round_needs_a_defined_year_not_yet_used_and_both_dates()
    {
        Assert.Equal("กรุณาเลือกปีงบประมาณที่มีชุดแบบวัด", new RoundForm { FiscalYear = 2599 }.ValidateNew(Catalog, [])["FiscalYear"]);
        Assert.Contains("มีรอบการประเมินปีงบประมาณ พ.ศ. 2566 แล้ว", new RoundForm { FiscalYear = 2566 }.ValidateNew(Catalog, [2566])["FiscalYear"]);
        Assert.Equal(["OpensOn", "ClosesOn"], new RoundForm { FiscalYear = 2566 }.ValidateNew(Catalog, []).Fields);
        Assert.Equal(2568, RoundForm.New(Catalog, []).FiscalYear); // the newest year defined
        Assert.Equal(2567, RoundForm.New(Catalog, [2568]).FiscalYear);
        Assert.Equal([2564], RoundForm.FreeYears(Catalog, [2568, 2567, 2566, 2565]));
    }

    [Fact]
    public void A_changed_round_checks_only_dates_and_mode()
    {
        var form = new RoundForm { OpensOn = new DateOnly(2023, 4, 1), ClosesOn = new DateOnly(2023, 4, 1), IitMode = (IitMode)7 };

        Assert.Equal(["IitMode"], form.ValidateChange().Fields);
    }

    [Theory]
    [InlineData("", "กรุณากรอกอีเมล")]
    [InlineData("not-an-email", "อีเมลไม่ถูกต้อง")]
    [InlineData("Someone <a@b.test>", "อีเมลไม่ถูกต้อง")]
    public void A_user_needs_a_plain_email(string email, string message)
    {
        var form = new UserForm { Email = email, Role = Roles.SystemAdmin };

        Assert.Equal(message, form.Validate(creating: true, new HashSet<int>())["Email"]);
    }

    [Fact]
    public void Agency_admins_and_viewers_need_an_existing_agency_and_system_admins_keep_none()
    {
        Assert.Equal("กรุณาเลือกหน่วยงานอย่างน้อย 1 แห่ง", new UserForm { Email = "a@b.test", Role = Roles.Viewer }.Validate(true, new HashSet<int> { 1 })["AgencyIds"]);
        Assert.True(new UserForm { Email = "a@b.test", Role = Roles.AgencyAdmin, AgencyIds = [9] }.Validate(true, new HashSet<int> { 1 }).Has("AgencyIds"));
        Assert.Empty(new UserForm { Role = Roles.SystemAdmin, AgencyIds = [1, 2] }.EffectiveAgencies);
        Assert.Equal("กรุณาเลือกบทบาท", new UserForm { Email = "a@b.test", Role = "God" }.Validate(true, new HashSet<int>())["Role"]);
    }
}
