using ItaSurvey.Core.Evidence;

namespace ItaSurvey.Core.Tests.Evidence;

public class EvidenceJudgeTests
{
    private static readonly string[] StructureWords = ["โครงสร้าง", "แผนผัง", "ตำแหน่ง"];

    private static EvidenceJudgement Judge(string text, int year = 2566, string? title = null, string[]? words = null, string[]? domains = null,
        string url = "https://www.khlongwan.go.th/ita/o1") =>
        EvidenceJudge.Judge(new EvidenceCase(new FetchedEvidence(FetchResult.Text, new Uri(url), 200, text, title), year,
            words ?? StructureWords, domains ?? []));

    [Fact]
    public void A_page_naming_the_year_and_the_words_looks_right()
    {
        var judgement = Judge("แผนผังโครงสร้างองค์กร เทศบาลตำบลคลองวาฬ ประจำปีงบประมาณ พ.ศ. 2566 ตำแหน่งผู้บริหาร");
        Assert.Equal(EvidenceVerdict.LooksRight, judgement.Verdict);
        Assert.Equal(EvidenceFinding.YearAndWordsFound, judgement.Finding);
        Assert.Contains("2566", judgement.Reason);
    }

    [Fact]
    public void Thai_digits_name_the_year()
    {
        Assert.Equal(EvidenceVerdict.LooksRight, Judge("แผนผังโครงสร้าง ปีงบประมาณ ๒๕๖๖").Verdict);
        Assert.Equal(EvidenceVerdict.LooksRight, Judge("แผนผังโครงสร้าง พ.ศ. ๖๖").Verdict);
        Assert.Equal(EvidenceVerdict.LooksRight, Judge("แผนผังโครงสร้าง ปี 66").Verdict);
    }

    [Theory]
    [InlineData("Organisation chart แผนผังโครงสร้าง, fiscal year 2023")]
    [InlineData("แผนผังโครงสร้าง updated 1 November 2022")]
    public void Either_common_era_year_of_the_fiscal_year_names_it(string text) =>
        Assert.Equal(EvidenceVerdict.LooksRight, Judge(text).Verdict);

    [Fact]
    public void Only_older_years_means_check_the_year()
    {
        var judgement = Judge("แผนผังโครงสร้างองค์กร ประจำปีงบประมาณ พ.ศ. 2564 และ 2565");
        Assert.Equal(EvidenceVerdict.CheckYear, judgement.Verdict);
        Assert.Equal(EvidenceFinding.OnlyOlderYears, judgement.Finding);
        Assert.Contains("2565", judgement.Reason);
    }

    [Fact]
    public void No_year_at_all_means_check_the_year()
    {
        var judgement = Judge("แผนผังโครงสร้างองค์กร");
        Assert.Equal(EvidenceVerdict.CheckYear, judgement.Verdict);
        Assert.Equal(EvidenceFinding.YearMissing, judgement.Finding);
    }

    [Fact]
    public void A_year_inside_a_longer_number_is_not_a_year()
    {
        var judgement = Judge("แผนผังโครงสร้าง โทร 0325662566 งบประมาณ 125660 บาท");
        Assert.Equal(EvidenceVerdict.CheckYear, judgement.Verdict);
    }

    [Fact]
    public void Twelve_months_is_not_a_year()
    {
        Assert.Empty(YearMentions.Find("รายงานทุกปี 12 ครั้ง"));
    }

    [Fact]
    public void Words_are_found_whatever_the_spaces()
    {
        var judgement = Judge("แผน ผัง โครง\u200Bสร้าง 2566", words: ["แผนผังโครงสร้าง", "ตำแหน่ง"]);
        Assert.Equal(EvidenceVerdict.LooksRight, judgement.Verdict);
        Assert.Contains("ไม่พบ: ตำแหน่ง", judgement.Detail);
    }

    [Fact]
    public void Too_few_expected_words_means_check_the_content()
    {
        var judgement = Judge("รายงานผลการจัดซื้อจัดจ้าง ปีงบประมาณ 2566 ตำแหน่ง");
        Assert.Equal(EvidenceVerdict.CheckContent, judgement.Verdict);
        Assert.Equal(EvidenceFinding.WordsMissing, judgement.Finding);
        Assert.Contains("1 จาก 3", judgement.Detail);
    }

    [Fact]
    public void An_item_without_expected_words_is_judged_on_its_year_alone() =>
        Assert.Equal(EvidenceVerdict.LooksRight, Judge("เอกสาร 2566", words: []).Verdict);

    [Theory]
    [InlineData("ไม่พบหน้าที่คุณต้องการ", null)]
    [InlineData("ขออภัย หน้าที่ท่านต้องการ ถูกลบหรือย้ายไปแล้ว", null)]
    [InlineData("Sorry, the page you are looking for does not exist.", null)]
    [InlineData("แผนผังโครงสร้าง 2566", "404 - Page Not Found")]
    public void A_page_that_says_it_does_not_exist_is_a_broken_link(string text, string? title)
    {
        var judgement = Judge(text, title: title);
        Assert.Equal(EvidenceVerdict.Broken, judgement.Verdict);
        Assert.Equal(EvidenceFinding.SoftNotFound, judgement.Finding);
    }

    [Fact]
    public void A_long_document_quoting_not_found_is_not_an_error_page()
    {
        var text = "แผนผังโครงสร้าง 2566 ไม่พบเอกสาร " + string.Concat(Enumerable.Repeat("ตำแหน่งผู้อำนวยการกองช่าง ", 200));
        Assert.Equal(EvidenceVerdict.LooksRight, Judge(text).Verdict);
    }

    [Theory]
    [InlineData(FetchResult.HttpError, EvidenceVerdict.Broken, EvidenceFinding.HttpError)]
    [InlineData(FetchResult.Unreachable, EvidenceVerdict.Broken, EvidenceFinding.Unreachable)]
    [InlineData(FetchResult.SignInRequired, EvidenceVerdict.Broken, EvidenceFinding.SignInRequired)]
    [InlineData(FetchResult.ScanOnly, EvidenceVerdict.Unreadable, EvidenceFinding.ScanOnly)]
    [InlineData(FetchResult.TooLarge, EvidenceVerdict.Unreadable, EvidenceFinding.TooLarge)]
    [InlineData(FetchResult.UnsupportedType, EvidenceVerdict.Unreadable, EvidenceFinding.UnsupportedType)]
    [InlineData(FetchResult.Damaged, EvidenceVerdict.Unreadable, EvidenceFinding.Damaged)]
    public void A_fetch_without_text_gives_its_verdict(FetchResult result, EvidenceVerdict verdict, EvidenceFinding finding)
    {
        var judgement = EvidenceJudge.Judge(new EvidenceCase(new FetchedEvidence(result, null, 404, Failure: "x"), 2566, StructureWords, []));
        Assert.Equal((verdict, finding), (judgement.Verdict, judgement.Finding));
        Assert.False(string.IsNullOrWhiteSpace(judgement.Reason));
        Assert.Equal(result == FetchResult.HttpError ? "HTTP 404" : "x", judgement.Detail);
    }

    [Fact]
    public void An_empty_page_is_unreadable() =>
        Assert.Equal(EvidenceFinding.NoText, Judge("   ").Finding);

    [Fact]
    public void A_soft_404_wording_in_a_pdf_does_not_make_it_broken()
    {
        var fetched = new FetchedEvidence(FetchResult.Text, new Uri("https://x.go.th/a.pdf"), 200, "not found แผนผังโครงสร้าง 2566", IsPdf: true);
        Assert.Equal(EvidenceVerdict.LooksRight, EvidenceJudge.Judge(new EvidenceCase(fetched, 2566, StructureWords, [])).Verdict);
    }
}
