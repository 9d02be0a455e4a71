namespace ItaSurvey.Core.Quality;

/// <summary>
/// The quality signals a response may carry, as bits. Only these classes are ever stored with a
/// response (never a duration, a time or anything about the device): a response either carries a
/// signal or it does not.
/// </summary>
[Flags]
public enum ResponseSignal : byte
{
    /// <summary>No signal.</summary>
    None = 0,

    /// <summary>Sent sooner after the form was shown than the instrument's threshold (<c>TooFastSeconds…</c>).</summary>
    TooFast = 1,

    /// <summary>Every answer field at the same position of its scale.</summary>
    StraightLined = 2,

    /// <summary>A question and its reverse-scored counterparts answered at the same extreme.</summary>
    Contradictory = 4,

    /// <summary>
    /// The same answers as many others of the round, beyond chance. Not stored: it depends on the
    /// whole round and is worked out from the stored answers whenever the figures are made.
    /// </summary>
    Duplicate = 8,
}

/// <summary>The signals in the order they are listed on pages, exports and in the API.</summary>
public static class ResponseSignals
{
    /// <summary>Every single signal, in display order.</summary>
    public static IReadOnlyList<ResponseSignal> All { get; } =
        [ResponseSignal.TooFast, ResponseSignal.StraightLined, ResponseSignal.Contradictory, ResponseSignal.Duplicate];

    /// <summary>The bits that are decided at submission and stored with the response.</summary>
    public const ResponseSignal Stored = ResponseSignal.TooFast | ResponseSignal.StraightLined | ResponseSignal.Contradictory;

    /// <summary>A stable lower-case code for exports and the API: "too-fast", "straight-lined", "contradictory", "duplicate".</summary>
    public static string Code(ResponseSignal signal) => signal switch
    {
        ResponseSignal.TooFast => "too-fast",
        ResponseSignal.StraightLined => "straight-lined",
        ResponseSignal.Contradictory => "contradictory",
        ResponseSignal.Duplicate => "duplicate",
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "Not a single signal."),
    };

    /// <summary>The signals of a set as codes joined by ';' (empty for none), for an export cell.</summary>
    public static string Codes(ResponseSignal signals) =>
        string.Join(';', All.Where(s => (signals & s) != 0).Select(Code));
}
