using System.Text;
using ItaSurvey.Web.Imports;

namespace ItaSurvey.Web.Tests.Imports;

public class OfficialResultsCsvTests
{
    private const string Header = "agency,province,fiscal_year,ind1,ind2,ind3,ind4,ind5,ind6,ind7,ind8,ind9,ind10,total";

    private static readonly KnownAgency[] Agencies =
    [
        new(1, "เทศบาลตำบลคลองวาฬ", "ประจวบคีรีขันธ์"),
        new(2, "องค์การบริหารส่วนจังหวัดตราด", "ตราด"),
    ];

    private static OfficialResultsFile Read(string text, bool bom = false, IEnumerable<KnownAgency>? agencies = null)
    {
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        using var reader = OfficialResultsCsv.OpenText(new MemoryStream(bytes));
        return OfficialResultsCsv.Read(reader, agencies ?? Agencies);
    }

    private static string[] Messages(OfficialResultsFile file) => [.. file.Errors.Select(e => e.ToString())];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_good_file_gives_one_row_per_agency_and_year_with_or_without_a_byte_order_mark(bool bom)
    {
        var file = Read($"""
            {Header}
            เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,2565,94.12,92.3,87.17,93.45,91.8,94.6,93.1,92.75,53.99,100,87.97
            องค์การบริหารส่วนจังหวัดตราด,ตราด,2564,93.55,87.72,91.01,87.93,89.52,90.55,88.68,88.58,72.89,65.56,
            """, bom);

        Assert.Empty(file.Errors);
        Assert.Equal(2, file.Rows.Count);
        var first = file.Rows[0];
        Assert.Equal((2, 1, 2565, 87.97), (first.Row, first.AgencyId, first.FiscalYear, first.Total));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], first.Indicators.Keys);
        Assert.Equal(87.17, first.Indicators["3"]);
        Assert.Equal(100, first.Indicators["10"]);
        Assert.Null(file.Rows[1].Total);
        Assert.Equal(65.56, file.Rows[1].Indicators["10"]);
    }

    [Fact]
    public void Columns_may_come_in_any_order_total_may_be_left_out_and_thai_digits_and_blank_lines_are_read()
    {
        var file = Read("""
            fiscal_year,agency,province,ind10,ind9,ind8,ind7,ind6,ind5,ind4,ind3,ind2,ind1

            ๒๕๖๖,เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,๑๐๐,๙๗.๕,90,90,90,90,90,90,90,90
            ,,,,,,,,,,,,
            """);

        Assert.Empty(file.Errors);
        var row = Assert.Single(file.Rows);
        Assert.Equal((3, 2566, 100.0, 97.5, (double?)null), (row.Row, row.FiscalYear, row.Indicators["10"], row.Indicators["9"], row.Total));
    }

    [Fact]
    public void Every_bad_value_is_reported_at_once_naming_its_row_and_column()
    {
        var file = Read($"""
            {Header}
            เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,2563,94,92,87,93,91,94,93,92,53,100,
            เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,2564,94,92,87,93,91,94,93,92,53,100,
            เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,2565,94,92,87,93,91,94,93,92,53,100,
            เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,2566,94,92,9x.5,93,91,94,93,92,53,100,
            เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,2023,100.5,-1,87.123,,91,94,93,92,53,100,abc
            ,ประจวบคีรีขันธ์,25x6,94,92,87,93,91,94,93,92,53,100
            """);

        Assert.DoesNotContain(file.Rows, r => r.Row == 5);
        Assert.Equal(
        [
            "แถว 5 คอลัมน์ ind3: '9x.5' ไม่ใช่ตัวเลข",
            "แถว 6 คอลัมน์ fiscal_year: ปีงบประมาณ 2023 ต้องเป็นปี พ.ศ. ระหว่าง 2500 ถึง 2700",
            "แถว 6 คอลัมน์ ind1: คะแนน 100.5 ต้องอยู่ระหว่าง 0 ถึง 100",
            "แถว 6 คอลัมน์ ind2: คะแนน -1 ต้องอยู่ระหว่าง 0 ถึง 100",
            "แถว 6 คอลัมน์ ind3: คะแนน 87.123 มีทศนิยมเกิน 2 ตำแหน่ง",
            "แถว 6 คอลัมน์ ind4: ต้องมีคะแนน",
            "แถว 6 คอลัมน์ total: 'abc' ไม่ใช่ตัวเลข",
            "แถว 7 คอลัมน์ agency: ต้องมีค่า",
            "แถว 7 คอลัมน์ fiscal_year: '25x6' ไม่ใช่ปีงบประมาณ (พ.ศ. เช่น 2566)",
        ], Messages(file));
    }

    [Fact]
    public void An_agency_not_in_the_system_is_an_error_on_its_agency_column()
    {
        var file = Read($"""
            {Header}
            เทศบาลตำบลคลองวาน,ประจวบคีรีขันธ์,2565,94,92,87,93,91,94,93,92,53,100,
            เทศบาลตำบลคลองวาฬ,ตราด,2565,94,92,87,93,91,94,93,92,53,100,
            """);

        Assert.Equal(
        [
            "แถว 2 คอลัมน์ agency: ไม่พบหน่วยงาน 'เทศบาลตำบลคลองวาน' จังหวัด 'ประจวบคีรีขันธ์' ในระบบ (ชื่อภาษาไทยและจังหวัดต้องตรงกับที่บันทึกไว้ทุกตัวอักษร)",
            "แถว 3 คอลัมน์ agency: ไม่พบหน่วยงาน 'เทศบาลตำบลคลองวาฬ' จังหวัด 'ตราด' ในระบบ (ชื่อภาษาไทยและจังหวัดต้องตรงกับที่บันทึกไว้ทุกตัวอักษร)",
        ], Messages(file));
    }

    [Fact]
    public void Two_agencies_with_the_same_name_and_province_cannot_be_told_apart()
    {
        var file = Read($"""
            {Header}
            เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,2565,94,92,87,93,91,94,93,92,53,100,
            """, agencies: [.. Agencies, new(3, "เทศบาลตำบลคลองวาฬ", "ประจวบคีรีขันธ์")]);

        Assert.Equal(["แถว 2 คอลัมน์ agency: มีหน่วยงานชื่อ 'เทศบาลตำบลคลองวาฬ' จังหวัด 'ประจวบคีรีขันธ์' ในระบบมากกว่าหนึ่งแห่ง"], Messages(file));
    }

    [Fact]
    public void The_same_agency_and_year_twice_in_one_file_is_an_error_naming_the_first_row()
    {
        var file = Read($"""
            {Header}
            เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,2565,94,92,87,93,91,94,93,92,53,100,
            เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,2566,94,92,87,93,91,94,93,92,53,100,
            เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,2565,95,92,87,93,91,94,93,92,53,100,
            """);

        Assert.Equal(["แถว 4 คอลัมน์ fiscal_year: หน่วยงานและปีงบประมาณ 2565 ซ้ำกับแถว 2"], Messages(file));
    }

    [Fact]
    public void A_header_with_missing_unknown_or_repeated_columns_is_reported_before_any_row_is_read()
    {
        var file = Read("""
            agency,province,year,ind1,ind2,ind3,ind4,ind5,ind6,ind7,ind8,ind9,ind9
            เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,2565,94,92,87,93,91,94,93,92,53,100
            """);

        Assert.Equal(
        [
            "แถว 1 คอลัมน์ fiscal_year: ไม่มีคอลัมน์นี้ในหัวตาราง",
            "แถว 1 คอลัมน์ ind10: ไม่มีคอลัมน์นี้ในหัวตาราง",
            $"แถว 1 คอลัมน์ year: ไม่รู้จักคอลัมน์นี้ หัวตารางต้องเป็น {Header}",
            "แถว 1 คอลัมน์ ind9: คอลัมน์นี้ซ้ำในหัวตาราง",
        ], Messages(file));
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void A_row_longer_than_the_header_or_shorter_names_the_extra_or_missing_columns()
    {
        var file = Read($"""
            {Header}
            เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,2565,94,92,87,93,91,94,93,92,53,100,87.5,99
            เทศบาลตำบลคลองวาฬ,ประจวบคีรีขันธ์,2566,94,92,87,93,91,94,93,92
            """);

        Assert.Equal(
        [
            "แถว 2 คอลัมน์ #15: มีค่าเกินจำนวนคอลัมน์ของหัวตาราง (14 คอลัมน์)",
            "แถว 3 คอลัมน์ ind9: ต้องมีคะแนน",
            "แถว 3 คอลัมน์ ind10: ต้องมีคะแนน",
        ], Messages(file));
    }

    [Fact]
    public void An_empty_file_or_a_header_alone_says_what_is_missing()
    {
        Assert.Equal([$"แถว 1: ไฟล์ว่าง ต้องมีหัวตาราง {Header}"], Messages(Read("")));
        Assert.Equal(["แถว 2: ไม่มีข้อมูลผลการประเมินใต้หัวตาราง"], Messages(Read(Header + "\n")));
    }

    [Fact]
    public void A_file_saved_in_the_old_Thai_code_page_is_refused_with_a_hint_to_save_as_UTF8()
    {
        var tis620 = Encoding.Latin1.GetBytes(Header + "\n").Concat(new byte[] { 0xE0, 0xB7, 0xC8, 0xBA, 0xD2, 0xC5 }).Concat(Encoding.ASCII.GetBytes(",x,2565\n")).ToArray();
        using var reader = OfficialResultsCsv.OpenText(new MemoryStream(tis620));

        var file = OfficialResultsCsv.Read(reader, Agencies);

        var error = Assert.Single(file.Errors);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Empty(file.Rows);
    }
}
