using System.Globalization;
using ItaSurvey.Core.Quality;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Web.Trends;

/// <summary>How trend and overview pages write sources and changes.</summary>
public static class TrendFormat
{
    /// <summary>The badge of a source: ผลทางการ (imported) or เก็บในระบบ (scored here).</summary>
    public static string Source(ResultSource source) => source == ResultSource.Official ? "ผลทางการ" : "เก็บในระบบ";

    /// <summary>The badge's CSS tone.</summary>
    public static string SourceTone(ResultSource source) => source == ResultSource.Official ? "official" : "collected";

    /// <summary>"▲ +1.25", "▼ −0.40" or "● 0.00" as shown (two decimals); empty without a change.</summary>
    public static string Change(double? change)
    {
        if (change is not { } value)
        {
            return "";
        }
        var shown = ScoreRounding.Round(value);
        var magnitude = Math.Abs(shown).ToString("0.00", CultureInfo.InvariantCulture);
        return shown > 0 ? "▲ +" + magnitude : shown < 0 ? "▼ −" + magnitude : "● 0.00";
    }

    /// <summary>The CSS tone of a change: up, down or same.</summary>
    public static string ChangeTone(double? change) =>
        change is not { } value ? "" : ScoreRounding.Round(value) > 0 ? "up" : ScoreRounding.Round(value) < 0 ? "down" : "same";

    /// <summary>Words for a screen reader and a tooltip: "เพิ่มขึ้น 1.25 คะแนนจากปี 2565".</summary>
    public static string ChangeWords(double? change, int? comparedWith)
    {
        if (change is not { } value)
        {
            return "";
        }
        var shown = ScoreRounding.Round(value);
        var magnitude = Math.Abs(shown).ToString("0.00", CultureInfo.InvariantCulture);
        var from = comparedWith is { } year ? $"จากปี {year}" : "จากปีก่อน";
        return shown > 0 ? $"เพิ่มขึ้น {magnitude} คะแนน{from}" : shown < 0 ? $"ลดลง {magnitude} คะแนน{from}" : $"เท่าเดิม{from}";
    }

    /// <summary>
    /// The overview's share of flagged EIT responses: "12.5%" when shown, "ไม่เผยแพร่" below k
    /// responses, "น้อยกว่า k คำตอบ" below k flagged, "–" without a collected round.
    /// </summary>
    public static string FlaggedShare(FlaggedShare share, int k) => share.State switch
    {
        FlaggedShareState.Shown => (share.Share!.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        FlaggedShareState.FewFlagged => $"น้อยกว่า {k.ToString(CultureInfo.InvariantCulture)} คำตอบ",
        FlaggedShareState.Withheld => "ไม่เผยแพร่",
        _ => "–",
    };

    /// <summary>Why a flagged share reads as it does, for the cell's tooltip.</summary>
    public static string FlaggedShareWords(FlaggedShare share, int k) => share.State switch
    {
        FlaggedShareState.Shown => "ร้อยละของคำตอบ EIT ที่มีสัญญาณคุณภาพอย่างน้อยหนึ่งอย่าง (ส่งเร็ว ตอบระดับเดียวกันทุกข้อ ตอบขัดแย้ง หรือซ้ำกันเกินกว่าบังเอิญ)",
        FlaggedShareState.FewFlagged => $"คำตอบที่มีสัญญาณน้อยกว่า {k.ToString(CultureInfo.InvariantCulture)} คำตอบ จึงไม่แสดงจำนวน (เรียงลำดับเหมือนไม่มี)",
        FlaggedShareState.Withheld => $"คำตอบ EIT น้อยกว่า {k.ToString(CultureInfo.InvariantCulture)} คำตอบ จึงไม่เผยแพร่เพื่อรักษาความลับของผู้ตอบ",
        _ => "ไม่มีคำตอบที่เก็บในระบบสำหรับปีนี้",
    };
}
