using Bunit;
using ItaSurvey.Core.Evidence;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Oit;

namespace ItaSurvey.Web.Tests.Components;

/// <summary>The small components that show what the evidence check found, rendered on their own (bUnit).</summary>
public class EvidenceComponentTests : BunitContext
{
    [Fact]
    public void A_verdict_reads_as_sentences_with_spaces_between_its_parts()
    {
        var note = Render<EvidenceVerdictNote>(ps => ps.Add(c => c.Verdict,
            new StoredVerdict(EvidenceVerdict.CheckYear, "เอกสารกล่าวถึงเฉพาะปีก่อนหน้า", "ปีที่พบ: 2565", OnAgencySite: false)));

        var text = note.Find(".verdict").TextContent;

        Assert.Contains("ตรวจสอบปี เอกสารกล่าวถึงเฉพาะปีก่อนหน้า (ปีที่พบ: 2565) · อยู่นอกเว็บไซต์ของหน่วยงาน", System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "), StringComparison.Ordinal);
        Assert.Equal("verdict verdict-warn", note.Find(".verdict").ClassName);
    }

    [Fact]
    public void No_verdict_renders_nothing() =>
        Assert.Empty(Render<EvidenceVerdictNote>().Markup.Trim());

    [Fact]
    public void A_long_list_of_doubtful_evidence_shows_the_first_items_and_counts_the_rest()
    {
        var doubtful = Enumerable.Range(1, WeakPoints.ShownDoubtful + 3)
            .Select(i => new DoubtfulEvidence($"O{i}", $"ข้อ {i}", [EvidenceVerdict.Broken])).ToList();

        var section = Render<WeakPoints>(ps => ps.Add(c => c.RoundId, 7).Add(c => c.Gains, []).Add(c => c.Doubtful, doubtful));

        var items = section.FindAll(".doubtful-list li");
        Assert.Equal(WeakPoints.ShownDoubtful, items.Count);
        Assert.Equal("O1", items[0].QuerySelector(".tag")!.TextContent);
        var more = section.Find(".doubtful-more");
        Assert.Contains("และอีก 3 ข้อ", more.TextContent, StringComparison.Ordinal);
        Assert.Equal("/admin/rounds/7/oit", more.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_short_list_has_no_count_of_the_rest()
    {
        var section = Render<WeakPoints>(ps => ps.Add(c => c.RoundId, 7).Add(c => c.Gains, [])
            .Add(c => c.Doubtful, [new DoubtfulEvidence("O2", "ข้อ 2", [EvidenceVerdict.CheckContent])]));

        Assert.Single(section.FindAll(".doubtful-list li"));
        Assert.Empty(section.FindAll(".doubtful-more"));
    }
}
