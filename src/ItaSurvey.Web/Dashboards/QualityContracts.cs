using ItaSurvey.Core.Quality;

namespace ItaSurvey.Web.Dashboards;

/// <summary>A round's response-quality figures, as the dashboard panel shows them (the privacy rules applied).</summary>
public sealed record QualityDto(int RoundId, int FiscalYear, bool Open, int MinimumResponses, IReadOnlyList<InstrumentQualityDto> Instruments)
{
    public static QualityDto From(RoundQuality quality) =>
        new(quality.RoundId, quality.FiscalYear, quality.Open, quality.MinimumResponses, [.. quality.Instruments.Select(InstrumentQualityDto.From)]);
}

/// <summary>
/// One instrument: <c>signals</c> maps each signal code to its count (null: fewer than k); <c>sensitivity</c> is a
/// check, never a result (null with <c>sensitivityWithheldTh</c> saying why); <c>withheldTh</c> is set when nothing is shown.
/// </summary>
public sealed record InstrumentQualityDto(string Instrument, long Responses, string? WithheldTh, IReadOnlyDictionary<string, long?> Signals,
    long? Flagged, SensitivityDto? Sensitivity, string? SensitivityWithheldTh, IReadOnlyList<BurstDayDto> Days)
{
    public static InstrumentQualityDto From(QualityFigures f) =>
        new(f.Instrument, f.Responses, f.Withheld?.Th, f.Signals.ToDictionary(s => ResponseSignals.Code(s.Signal), s => s.Count), f.Flagged,
            f.Sensitivity is { } s ? new SensitivityDto(s.Collected, s.WithoutFlagged, s.Difference, s.Lower, s.Upper) : null,
            f.SensitivityWithheld?.Th, [.. f.Bursts.Select(d => new BurstDayDto(d.Day, d.Submissions, d.Bursts, d.InBursts))]);
}

/// <summary>The score as collected and without flagged responses, the difference and its Welch 95 % interval: a sensitivity check, not a result.</summary>
public sealed record SensitivityDto(double Collected, double WithoutFlagged, double Difference, double? Lower, double? Upper);

/// <summary>A day's submissions (null below k), its burst windows and the submissions in them.</summary>
public sealed record BurstDayDto(DateOnly Day, int? Submissions, int Bursts, int InBursts);
