using System.Globalization;
using System.Xml.Linq;
using ItaSurvey.Web.Charts;
using ScottPlot.Plottables;

namespace ItaSurvey.Web.Tests.Charts;

public class ChartDataTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_indicator_description_lists_every_bar_with_its_score_and_status()
    {
        var description = ChartSamples.Renderer.Indicators(ChartSamples.Indicators()).Description;

        Assert.StartsWith("คะแนนรายตัวชี้วัด ITA 2566: ", description, StringComparison.Ordinal);
        Assert.Contains("ตัวชี้วัด 1 การปฏิบัติหน้าที่ 93.55 คะแนน ผ่านเกณฑ์ 85;", description, StringComparison.Ordinal);
        Assert.Contains("ตัวชี้วัด 2 การใช้งบประมาณ 87.72 คะแนน ผ่านเกณฑ์ 85 ควรพัฒนา (ช่วงความเชื่อมั่น 85.10 ถึง 90.30);", description, StringComparison.Ordinal);
        Assert.Contains("ตัวชี้วัด 3 การใช้อำนาจ 78.40 คะแนน ต่ำกว่าเกณฑ์ 85 (ช่วงความเชื่อมั่น 74.10 ถึง 82.70);", description, StringComparison.Ordinal);
        Assert.Contains("ตัวชี้วัด 6 คุณภาพการดำเนินงาน ไม่แสดงผล (ผู้ตอบน้อยเกินไป);", description, StringComparison.Ordinal);
        Assert.Contains("ตัวชี้วัด 9 การเปิดเผยข้อมูล 53.99 คะแนน ต่ำกว่าเกณฑ์ 85;", description, StringComparison.Ordinal);
        Assert.EndsWith("ตัวชี้วัด 10 การป้องกันการทุจริต ยังไม่มีข้อมูล", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(84.994, "Urgent")]   // shown as 84.99
    [InlineData(84.995, "ToImprove")] // shown as 85.00, as scoring rounds before comparing
    [InlineData(89.99, "ToImprove")]
    [InlineData(90, "Good")]
    public void Status_compares_the_score_as_shown_with_the_thresholds(double score, string status) =>
        Assert.Equal(status, ChartText.Status(score, 85, 90).ToString());

    [Fact]
    public void A_withheld_or_missing_score_is_a_gap_with_a_note_never_a_bar_at_zero()
    {
        var data = ChartSamples.Indicators();
        using var plot = IndicatorChart.Build(data);

        var bars = plot.GetPlottables<BarPlot>().SelectMany(b => b.Bars).ToList();
        Assert.Equal(4, bars.Count); // 6 rows, two without a score
        Assert.DoesNotContain(bars, bar => bar.Value == 0);
        var withheldRow = data.Bars.Count - 1 - 3;
        var noDataRow = data.Bars.Count - 1 - 5;
        Assert.DoesNotContain(bars, bar => bar.Position == withheldRow || bar.Position == noDataRow);
        var notes = plot.GetPlottables<Text>().ToDictionary(t => t.LabelText, t => t.Location.Y);
        Assert.Equal(withheldRow, notes[ChartText.WithheldNote]);
        Assert.Equal(noDataRow, notes[ChartText.NoDataNote]);
    }

    [Fact]
    public void Year_ticks_are_the_whole_years_written_plainly()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US"); // a culture that would write 2,566
        try
        {
            var ticks = ChartTicks.Years([2566, 2562, 2564, 2563, 2565, 2564]);

            Assert.Equal(["2562", "2563", "2564", "2565", "2566"], ticks.Select(t => t.Label));
            Assert.Equal([2562d, 2563, 2564, 2565, 2566], ticks.Select(t => t.Position));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_trend_chart_ticks_only_the_years_present_the_projection_included()
    {
        var ticks = TrendChart.YearTicks(ChartSamples.Trend());

        Assert.Equal(["2562", "2563", "2564", "2565", "2566", "2567"], ticks.Select(t => t.Label));
        Assert.All(ticks, t => Assert.Equal(Math.Round(t.Position), t.Position));
    }

    [Fact]
    public void The_trend_svg_writes_years_without_separators_or_fractions()
    {
        var texts = XElement.Parse(ChartSamples.Renderer.Trend(ChartSamples.Trend()).Svg())
            .Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();

        Assert.Equal(["2562", "2563", "2564", "2565", "2566", "2567"], texts.Where(t => t.StartsWith("25", StringComparison.Ordinal)));
        Assert.DoesNotContain(texts, t => t.Contains("2,5", StringComparison.Ordinal) || t.StartsWith("2566.", StringComparison.Ordinal));
        Assert.Contains(ChartText.Projection, texts);
    }

    [Fact]
    public void The_trend_description_names_every_point_the_projection_and_the_threshold()
    {
        var description = ChartSamples.Renderer.Trend(ChartSamples.Trend()).Description;

        Assert.Contains("ITA พ.ศ. 2562 72.50 คะแนน, พ.ศ. 2563 75.62 คะแนน, พ.ศ. 2564 81.45 คะแนน, พ.ศ. 2565 83.10 คะแนน, พ.ศ. 2566 86.20 คะแนน;", description, StringComparison.Ordinal);
        Assert.Contains("ประมาณการ พ.ศ. 2567 89.00 คะแนน (ช่วงความเชื่อมั่น 85.00 ถึง 93.00)", description, StringComparison.Ordinal);
        Assert.EndsWith("เส้นเกณฑ์ 85", description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_distribution_shows_shares_and_counts()
    {
        var chart = ChartSamples.Renderer.Distribution(ChartSamples.Distribution())!;

        Assert.EndsWith(": น้อยที่สุดหรือไม่มีเลย 2 คน (6.7%); น้อย 5 คน (16.7%); มาก 14 คน (46.7%); มากที่สุด 9 คน (30.0%); รวม 30 คน", chart.Description, StringComparison.Ordinal);
        var texts = XElement.Parse(chart.Svg()).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("46.7% (14 คน)", texts);
    }

    [Fact]
    public void Withheld_answers_give_no_chart_but_the_message()
    {
        var data = ChartSamples.Distribution() with { Withheld = true };

        Assert.Null(ChartSamples.Renderer.Distribution(data));
        Assert.Contains(data.WithheldMessage, ChartDescriptions.Distribution(data), StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_without_any_data_still_render_and_say_so()
    {
        var trend = ChartSamples.Renderer.Trend(new TrendChartData("แนวโน้ม", [new("ITA", [])]));
        var indicators = ChartSamples.Renderer.Indicators(new IndicatorChartData("ตัวชี้วัด", []));
        var answers = ChartSamples.Renderer.Distribution(new DistributionChartData("I1", [new("มาก", 0), new("น้อย", 0)]))!;

        foreach (var chart in new[] { trend, indicators, answers })
        {
            XElement.Parse(chart.Svg());
            Assert.NotEmpty(chart.Png(400, 300));
        }
        Assert.Contains(ChartText.NoDataNote, XElement.Parse(trend.Svg()).Descendants(Svg + "text").Select(t => t.Value.Trim()));
        Assert.EndsWith("รวม 0 คน", answers.Description, StringComparison.Ordinal);
    }
}
