using System.Globalization;
using ItaSurvey.Core.Quality;

namespace ItaSurvey.Web.Dashboards;

/// <summary>The quality panel's words, in Thai, made at the edge.</summary>
public static class QualityText
{
    public static string Name(ResponseSignal signal) => signal switch
    {
        ResponseSignal.TooFast => "ส่งเร็วเกินกว่าจะอ่านคำถาม",
        ResponseSignal.StraightLined => "ตอบระดับเดียวกันทุกข้อ",
        ResponseSignal.Contradictory => "ตอบขัดแย้งกับข้อคำถามกลับด้าน",
        ResponseSignal.Duplicate => "คำตอบซ้ำกันเกินกว่าที่เกิดโดยบังเอิญ",
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };

    /// <summary>A count, or "fewer than k" when the privacy rule withholds it.</summary>
    public static string Count(long? count, int k) =>
        count is { } c ? c.ToString("N0", CultureInfo.InvariantCulture) : $"น้อยกว่า {k.ToString(CultureInfo.InvariantCulture)}";
}
