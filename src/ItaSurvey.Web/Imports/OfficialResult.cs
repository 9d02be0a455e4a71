namespace ItaSurvey.Web.Imports;

/// <summary>An agency's official ITA result for a fiscal year, imported as published by the NACC.</summary>
public sealed class OfficialResult
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public int FiscalYear { get; set; }

    /// <summary>The published total, when the source gives it.</summary>
    public double? Total { get; set; }

    public List<OfficialIndicatorScore> Indicators { get; set; } = [];
}

/// <summary>One indicator's published score, by the indicator's stable code ("1".."10").</summary>
public sealed class OfficialIndicatorScore
{
    public int OfficialResultId { get; set; }

    public required string IndicatorCode { get; set; }

    public double Score { get; set; }
}
