using ItaSurvey.Core.Model;
using ItaSurvey.Core.Versions;

namespace ItaSurvey.Core.Tests.Versions;

public class YearDiffTests
{
    private static readonly SurveyYear Year = Drafts.Year2566;

    [Fact]
    public void An_unchanged_copy_has_no_changes()
    {
        var copy = Year with { Questionnaires = Year.Questionnaires.ToDictionary(q => q.Key, q => q.Value with { }) };

        var diff = YearDiff.Between(Year, copy);

        Assert.True(diff.IsEmpty);
        Assert.Empty(diff);
        Assert.False(diff.HasSubstantiveChanges);
        Assert.Equal(2566, diff.FromYear);
        Assert.Equal(2566, diff.ToYear);
        Assert.True(YearDiff.Between(Year, Year).IsEmpty);
    }

    [Fact]
    public void A_definition_loaded_twice_has_no_changes()
    {
        var again = Core.Loading.SurveyLoader.LoadCatalog(Surveys.Root).Year(2566);

        Assert.True(YearDiff.Between(Year, again).IsEmpty);
    }

    [Fact]
    public void A_weight_change_names_the_instrument_and_both_weights()
    {
        var draft = Year.WithInstrument("IIT", i => i with { Weight = 0.25 }).WithInstrument("OIT", i => i with { Weight = 0.45 });

        var diff = YearDiff.Between(Year, draft);

        Assert.Equal(2, diff.Count);
        Assert.All(diff, c => Assert.Equal((ChangeArea.Instruments, ChangeKind.WeightChanged, "weight"), (c.Area, c.Kind, c.Field)));
        Assert.Equal(["IIT", "OIT"], diff.Select(c => c.Code));
        Assert.Equal("น้ำหนักของเครื่องมือ IIT เปลี่ยนจาก 0.3 เป็น 0.25", diff[0].Description.Th);
        Assert.Equal("The weight of instrument IIT changed from 0.3 to 0.25", diff[0].Description.En);
        Assert.Equal("0.3", diff[0].Before!.Th);
        Assert.Equal("0.25", diff[0].After!.Th);
    }

    [Fact]
    public void An_instrument_added_renamed_or_with_new_respondents_is_listed()
    {
        var extra = new Instrument("XIT", new LocalizedText("แบบใหม่", "New"), 0);
        var draft = Year.WithModel(m => m with { Instruments = [.. m.Instruments, extra] })
            .WithInstrument("EIT", i => i with { Name = i.Name with { En = "External survey" }, Respondents = i.Respondents! with { Th = "ผู้รับบริการ" } });

        var diff = YearDiff.Between(Year, draft);

        Assert.Equal(
            [(ChangeKind.Renamed, "EIT"), (ChangeKind.Reworded, "EIT"), (ChangeKind.Added, "XIT")],
            diff.In(ChangeArea.Instruments).Select(c => (c.Kind, c.Code)));
        Assert.EndsWith("(English)", diff.For("EIT")[0].Description.En);
        Assert.EndsWith("(ภาษาไทย)", diff.For("EIT")[1].Description.Th);
    }

    [Fact]
    public void Indicators_and_sub_indicators_added_removed_renamed_and_moved()
    {
        var draft = Year
            .WithIndicator("5", i => i with { Instrument = "EIT" })
            .WithIndicator("1", i => i with { Name = new LocalizedText("การปฏิบัติหน้าที่อย่างโปร่งใส", i.Name.En) })
            .WithIndicator("9", i => i with
            {
                SubIndicators = [.. i.SubIndicators!.Where(s => s.Code != "9.5"), new SubIndicator("9.6", new LocalizedText("ใหม่"))],
            })
            .WithModel(m => m with { Indicators = [.. m.Indicators.Where(i => i.Code != "8")] });

        var changes = YearDiff.Between(Year, draft).In(ChangeArea.Indicators);

        Assert.Contains(changes, c => c is { Kind: ChangeKind.InstrumentChanged, Code: "5" } && c.Description.Th == "ตัวชี้วัด 5 ย้ายจาก IIT ไป EIT");
        Assert.Contains(changes, c => c is { Kind: ChangeKind.Renamed, Code: "1" } && c.After!.Th == "การปฏิบัติหน้าที่อย่างโปร่งใส");
        Assert.Contains(changes, c => c is { Kind: ChangeKind.Removed, Code: "9.5" });
        Assert.Contains(changes, c => c is { Kind: ChangeKind.Added, Code: "9.6" } && c.Description.En!.Contains("indicator 9"));
        Assert.Contains(changes, c => c is { Kind: ChangeKind.Removed, Code: "8" });
        Assert.Equal(5, changes.Count);
    }

    [Fact]
    public void A_levels_points_change_names_the_scale_and_level()
    {
        var draft = Year.WithScale("A4", s => s with { Levels = s.Levels.Replace(1, s.Levels[1] with { Points = 30 }) });

        var change = Assert.Single(YearDiff.Between(Year, draft));

        Assert.Equal((ChangeArea.Scales, ChangeKind.PointsChanged, "A4#2", "points"), (change.Area, change.Kind, change.Code, change.Field));
        Assert.Equal("คะแนนของมาตรวัด A4 ระดับที่ 2 (น้อย) เปลี่ยนจาก 33.3333 เป็น 30", change.Description.Th);
        Assert.Equal("The points of scale A4 level 2 (Little) changed from 33.3333 to 30", change.Description.En);
    }

    [Fact]
    public void Scale_levels_added_removed_and_relabelled_and_scales_added()
    {
        var five = new AnswerScale("A5", [.. Year.Model.FindScale("A4")!.Levels, new ScaleLevel(new LocalizedText("มากที่สุดแน่นอน"), 100)]);
        var draft = Year
            .WithScale("A4", s => s with { Levels = [.. s.Levels.Take(3).Select((l, i) => i == 0 ? l with { Label = new LocalizedText("ไม่มี", "None") } : l)] })
            .WithModel(m => m with { Scales = [.. m.Scales, five] });

        var changes = YearDiff.Between(Year, draft).In(ChangeArea.Scales);

        Assert.Equal(
            [(ChangeKind.LabelChanged, "A4#1"), (ChangeKind.Removed, "A4#4"), (ChangeKind.Added, "A5")],
            changes.Select(c => (c.Kind, c.Code)));
        Assert.Equal("ลบมาตรวัด A4 ระดับที่ 4 (มากที่สุด, 100 คะแนน)", changes[1].Description.Th);
        Assert.Equal("Scale A5 added (5 levels)", changes[2].Description.En);
    }

    [Fact]
    public void A_rating_minimum_total_change_is_a_threshold_change()
    {
        var draft = Year.WithRatingLevel("passed", l => l with { MinTotal = 80 });

        var change = Assert.Single(YearDiff.Between(Year, draft));

        Assert.Equal((ChangeArea.Rating, ChangeKind.ThresholdChanged, "passed", "minTotal"), (change.Area, change.Kind, change.Code, change.Field));
        Assert.Equal("คะแนนรวมขั้นต่ำของระดับผลการประเมิน passed (ผ่าน) เปลี่ยนจาก 85 เป็น 80", change.Description.Th);
        Assert.Equal("The minimum total of rating level passed (Passed) changed from 85 to 80", change.Description.En);
    }

    [Fact]
    public void Rating_levels_floor_passing_name_decimals_and_levels_added_or_removed()
    {
        var draft = Year
            .WithRatingLevel("passed-good", l => l with { MinEachInstrument = null, Name = new LocalizedText("ผ่านระดับดี", l.Name.En) })
            .WithRatingLevel("failed", l => l with { Passed = true })
            .WithModel(m => m with
            {
                Rating = m.Rating with
                {
                    Decimals = 1,
                    Levels = [.. m.Rating.Levels.Where(l => l.Code != "passed-excellent"), new RatingLevel("extra", new LocalizedText("พิเศษ"), -1, false)],
                },
            });

        var changes = YearDiff.Between(Year, draft).In(ChangeArea.Rating);

        Assert.Equal(
            [(ChangeKind.ValueChanged, "rating"), (ChangeKind.Removed, "passed-excellent"), (ChangeKind.Renamed, "passed-good"),
                (ChangeKind.ThresholdChanged, "passed-good"), (ChangeKind.PassedChanged, "failed"), (ChangeKind.Added, "extra")],
            changes.Select(c => (c.Kind, c.Code)));
        Assert.Equal("ไม่กำหนด", changes[3].After!.Th);
        Assert.Equal("none", changes[3].After!.En);
        Assert.Equal("ระดับผลการประเมิน failed (ไม่ผ่าน) เปลี่ยนจาก ไม่ผ่าน เป็น ผ่าน", changes[4].Description.Th);
    }

    [Fact]
    public void Reordered_rating_levels_count_once_per_moved_level()
    {
        var draft = Year.WithModel(m => m with { Rating = m.Rating with { Levels = m.Rating.Levels.Swap(0, 1) } });

        var change = Assert.Single(YearDiff.Between(Year, draft));

        Assert.Equal(ChangeKind.Reordered, change.Kind);
        Assert.Equal("ระดับผลการประเมิน passed-excellent: ลำดับเปลี่ยนจากที่ 1 เป็นที่ 2", change.Description.Th);
    }

    [Fact]
    public void Flags_and_minimum_samples_are_their_own_areas()
    {
        var extra = new AgencyGroupMinimum("province", new LocalizedText("จังหวัด"), 80);
        var draft = Year.WithModel(m => m with
        {
            Flags = m.Flags with { UrgentBelow = 80 },
            MinimumSample = m.MinimumSample with
            {
                Iit = m.MinimumSample.Iit with { AtLeast = 25 },
                Eit = m.MinimumSample.Eit with
                {
                    Groups = [.. m.MinimumSample.Eit.Groups.Skip(1).Select((g, i) => i == 0 ? g with { Minimum = 45 } : g), extra],
                },
            },
        });

        var diff = YearDiff.Between(Year, draft);

        Assert.Equal([ChangeArea.Flags, ChangeArea.MinimumSample], diff.ByArea().Select(g => g.Key));
        Assert.Equal("urgentBelow", Assert.Single(diff.In(ChangeArea.Flags)).Field);
        Assert.Equal(
            [(ChangeKind.ThresholdChanged, "IIT"), (ChangeKind.Removed, "sao-s"), (ChangeKind.ThresholdChanged, "sao-m"), (ChangeKind.Added, "province")],
            diff.In(ChangeArea.MinimumSample).Select(c => (c.Kind, c.Code)));
        Assert.Equal("The IIT floor of responses changed from 30 to 25", diff.In(ChangeArea.MinimumSample)[0].Description.En);
    }

    [Fact]
    public void Notes_and_sources_are_changes_but_not_substantive_ones()
    {
        var draft = Year.WithModel(m => m with { Note = "แก้ไขแล้ว" }).WithQuestion("IIT", "I13", q => q with { Source = "ป.ป.ช." });

        var diff = YearDiff.Between(Year, draft);

        Assert.False(diff.IsEmpty);
        Assert.False(diff.HasSubstantiveChanges);
        Assert.Equal([ChangeKind.NoteChanged, ChangeKind.SourceChanged], diff.Select(c => c.Kind));
        Assert.All(diff, c => Assert.True(c.IsAnnotation));
        Assert.Equal("ป.ป.ช.", diff[1].After!.Th);
    }

    [Fact]
    public void The_2565_to_2566_diff_shows_the_new_rating_levels_and_the_year()
    {
        var diff = YearDiff.Between(Surveys.Year(2565), Year);

        Assert.True(diff.HasSubstantiveChanges);
        Assert.Equal((2565, 2566), (diff.FromYear, diff.ToYear));
        var first = diff[0];
        Assert.Equal((ChangeArea.Model, ChangeKind.ValueChanged, "fiscalYear"), (first.Area, first.Kind, first.Field));
        Assert.Equal("ปีงบประมาณเปลี่ยนจาก 2565 เป็น 2566", first.Description.Th);
        var rating = diff.In(ChangeArea.Rating);
        Assert.Equal(["AA", "A", "B", "C", "D", "E", "F"], rating.Where(c => c.Kind == ChangeKind.Removed).Select(c => c.Code));
        Assert.Equal(["passed-excellent", "passed-good", "passed", "failed"], rating.Where(c => c.Kind == ChangeKind.Added).Select(c => c.Code));
        Assert.Equal("ลบระดับผลการประเมิน AA (คะแนนรวมตั้งแต่ 95)", rating.First(c => c.Code == "AA").Description.Th);
        Assert.Equal("Rating level passed-good added: Passed, good (total from 85)", rating.First(c => c.Code == "passed-good").Description.En);
        Assert.Empty(diff.In(ChangeArea.Instruments));
        Assert.All(diff.In(ChangeArea.Questions), c => Assert.True(c.IsAnnotation));
        var o31 = diff.For("O31").Single(c => c.Kind == ChangeKind.Moved);
        Assert.Equal(("indicator", "9 (9.5)", "10 (10.1)"), (o31.Field, o31.Before!.Th, o31.After!.Th));
        Assert.Contains(diff.In(ChangeArea.OitItems), c => c.Kind == ChangeKind.Retitled);
        Assert.Equal(diff.OrderBy(c => c.Area).Select(c => c.Area), diff.Select(c => c.Area));
        Assert.All(diff, c => Assert.False(string.IsNullOrWhiteSpace(c.Description.Th) || string.IsNullOrWhiteSpace(c.Description.En)));
    }

    [Fact]
    public void Comparing_backwards_mirrors_additions_and_removals()
    {
        var forward = YearDiff.Between(Surveys.Year(2565), Year);
        var backward = YearDiff.Between(Year, Surveys.Year(2565));

        Assert.Equal(forward.Count, backward.Count);
        Assert.Equal(
            forward.Where(c => c.Kind == ChangeKind.Added).Select(c => c.Code).Order(),
            backward.Where(c => c.Kind == ChangeKind.Removed).Select(c => c.Code).Order());
    }

    [Fact]
    public void Every_pair_of_defined_years_compares_without_error()
    {
        foreach (var a in Surveys.Catalog.Years)
        {
            foreach (var b in Surveys.Catalog.Years)
            {
                var diff = YearDiff.Between(a, b);
                Assert.Equal(a.FiscalYear == b.FiscalYear, diff.IsEmpty);
            }
        }
    }
}
