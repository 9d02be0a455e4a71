namespace ItaSurvey.Web.Rounds;

/// <summary>Responses received against the year's minimum sample for one instrument.</summary>
/// <param name="Instrument">"IIT" or "EIT".</param>
/// <param name="Responses">Responses stored so far.</param>
/// <param name="Minimum">The minimum the year's rules ask for, or null when they name none (an agency group unknown that year).</param>
public sealed record SampleProgress(string Instrument, long Responses, int? Minimum)
{
    /// <summary>Whole per cent reached, rounded down so that 59 of 60 never shows as 100; capped at 100.</summary>
    public int? Percent => Minimum switch
    {
        null => null,
        <= 0 => 100,
        { } m => (int)Math.Min(100, Responses * 100 / m),
    };

    public bool Reached => Minimum is { } m && Responses >= m;

    /// <summary>Responses still needed to reach the minimum.</summary>
    public long Remaining => Minimum is { } m ? Math.Max(0, m - Responses) : 0;

    /// <summary>The IIT and EIT progress of a round from its response counts.</summary>
    public static IReadOnlyList<SampleProgress> For(IReadOnlyDictionary<string, long> responses, int iitMinimum, int? eitMinimum) =>
    [
        new("IIT", responses.GetValueOrDefault("IIT"), iitMinimum),
        new("EIT", responses.GetValueOrDefault("EIT"), eitMinimum),
    ];
}
