using System.Diagnostics.Metrics;

namespace ItaSurvey.Web.Responding;

/// <summary>Counters of stored and rejected submissions (by reason), for dotnet-counters or OpenTelemetry.</summary>
public static class ResponseCounters
{
    public static readonly Meter Meter = new("ItaSurvey.Responding");

    private static readonly Counter<long> StoredCounter = Meter.CreateCounter<long>("itasurvey.responses.stored");

    private static readonly Counter<long> RejectedCounter = Meter.CreateCounter<long>("itasurvey.responses.rejected");

    public static void Stored(string instrument) => StoredCounter.Add(1, new KeyValuePair<string, object?>("instrument", instrument));

    public static void Rejected(string reason) => RejectedCounter.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
