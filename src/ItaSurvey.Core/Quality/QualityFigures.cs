using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;

namespace ItaSurvey.Core.Quality;

/// <summary>A count that the privacy rule lets through (null when withheld: fewer than k).</summary>
/// <param name="Signal">The signal.</param>
/// <param name="Count">Responses carrying it; null when withheld.</param>
public sealed record SignalCount(ResponseSignal Signal, long? Count);

/// <summary>One instrument's quality figures for one round, the privacy rules applied.</summary>
/// <param name="Instrument">"IIT" or "EIT".</param>
/// <param name="Responses">Responses looked at.</param>
/// <param name="Withheld">Why nothing is shown (IIT before the round closes, fewer than k responses); null when figures are shown.</param>
/// <param name="Signals">Per signal, how many responses carry it (each withheld below k).</param>
/// <param name="Flagged">Responses with any signal; null when withheld.</param>
/// <param name="Sensitivity">The score without flagged responses; null when withheld (see <paramref name="SensitivityWithheld"/>).</param>
/// <param name="SensitivityWithheld">Why the sensitivity check is not shown.</param>
/// <param name="Bursts">Days with their bursts; empty when withheld.</param>
/// <param name="Duplicates">The improbable groups of identical answers (sizes only).</param>
/// <param name="PerResponse">Each response's signals, in the order given (for exports, never shown on a page).</param>
public sealed record QualityFigures(
    string Instrument,
    long Responses,
    LocalizedText? Withheld,
    IReadOnlyList<SignalCount> Signals,
    long? Flagged,
    Sensitivity? Sensitivity,
    LocalizedText? SensitivityWithheld,
    IReadOnlyList<BurstDay> Bursts,
    IReadOnlyList<DuplicateGroup> Duplicates,
    IReadOnlyList<ResponseSignal> PerResponse)
{
    /// <summary>The flagged share, 0–1; null when withheld or without responses.</summary>
    public double? FlaggedShare => Flagged is { } f && Responses > 0 ? f / (double)Responses : null;
}

/// <summary>
/// Puts a round's signals together for one instrument and applies the privacy rules to every
/// figure: a count, the flagged share and the bursts need k responses; the score without flagged
/// responses needs k flagged and k unflagged; and the IIT shows nothing of its quality until the
/// round closes (staff answer about their superiors, and a count that moves by one as a known person
/// answers would say how that person answered).
/// </summary>
public static class QualityAnalysis
{
    /// <summary>Analyses one instrument's responses of a round.</summary>
    /// <param name="questionnaire">The compiled questionnaire the answers follow.</param>
    /// <param name="responses">Each response's answers and its stored signals.</param>
    /// <param name="windows">The round's non-empty 10-minute windows for this instrument.</param>
    /// <param name="roundOpen">True while the round accepts responses.</param>
    /// <param name="k">The privacy rule's k.</param>
    public static QualityFigures Analyse(CompiledQuestionnaire questionnaire, IReadOnlyList<(byte[] Levels, ResponseSignal Stored)> responses,
        IReadOnlyList<WindowCount> windows, bool roundOpen, int k)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(responses);
        var instrument = questionnaire.Instrument;
        if (instrument == "IIT" && roundOpen)
        {
            return Empty(instrument, responses.Count, ClosedFirst);
        }
        if (Privacy.Withhold(responses.Count, k))
        {
            return Empty(instrument, responses.Count, Privacy.Message(k));
        }
        var duplicates = DuplicateAnswers.Find(questionnaire, [.. responses.Select(r => r.Levels)]);
        var perResponse = responses.Select((r, i) => (r.Stored & ResponseSignals.Stored) | (duplicates.Flagged[i] ? ResponseSignal.Duplicate : 0)).ToList();
        var counts = ResponseSignals.All
            .Select(s => new SignalCount(s, Shown(perResponse.LongCount(r => (r & s) != 0), k))).ToList();
        var flagged = perResponse.LongCount(r => r != ResponseSignal.None);
        var (sensitivity, why) = Sensitivity(questionnaire, responses, perResponse, flagged, k);
        return new QualityFigures(instrument, responses.Count, null, counts, Shown(flagged, k), sensitivity, why,
            BurstWindows.ByDay(windows, k), duplicates.Groups, perResponse);
    }

    /// <summary>Why the IIT's quality figures wait for the round to close.</summary>
    public static readonly LocalizedText ClosedFirst = new(
        "ตัวชี้วัดคุณภาพของคำตอบ IIT จะแสดงเมื่อปิดรับคำตอบแล้ว เพื่อไม่ให้ตัวเลขที่เปลี่ยนทีละคำตอบบอกได้ว่าบุคลากรคนใดตอบอย่างไร",
        "The IIT's response-quality figures appear once the round has closed, so that a figure moving by one response cannot tell how a member of staff answered.");

    private static (Sensitivity?, LocalizedText?) Sensitivity(CompiledQuestionnaire questionnaire,
        IReadOnlyList<(byte[] Levels, ResponseSignal Stored)> responses, List<ResponseSignal> perResponse, long flagged, int k)
    {
        var unflaggedCount = responses.Count - flagged;
        if (Privacy.Withhold(flagged, k) || Privacy.Withhold(unflaggedCount, k))
        {
            return (null, GroupsTooSmall(k));
        }
        var (all, clean) = (questionnaire.NewTally(), questionnaire.NewTally());
        var (flaggedScores, cleanScores) = (new RespondentScores(questionnaire), new RespondentScores(questionnaire));
        for (var i = 0; i < responses.Count; i++)
        {
            all.Add(responses[i].Levels);
            if (perResponse[i] == ResponseSignal.None)
            {
                clean.Add(responses[i].Levels);
                cleanScores.Add(responses[i].Levels);
            }
            else
            {
                flaggedScores.Add(responses[i].Levels);
            }
        }
        var (collected, withoutFlagged) = (QuestionnaireScorer.Score(all).Score, QuestionnaireScorer.Score(clean).Score);
        return collected is null || withoutFlagged is null
            ? (null, GroupsTooSmall(k))
            : (SensitivityCheck.Compare(collected.Value, withoutFlagged.Value, flaggedScores.Instrument, cleanScores.Instrument), null);
    }

    private static LocalizedText GroupsTooSmall(int k) => new(
        $"ต้องมีทั้งคำตอบที่มีสัญญาณและไม่มีสัญญาณอย่างน้อยกลุ่มละ {k} คำตอบ จึงจะแสดงคะแนนเมื่อตัดคำตอบที่มีสัญญาณออก",
        $"The score without flagged responses needs at least {k} flagged and {k} unflagged responses.");

    private static long? Shown(long count, int k) => Privacy.Withhold(count, k) ? null : count;

    private static QualityFigures Empty(string instrument, long responses, LocalizedText why) =>
        new(instrument, responses, why, [.. ResponseSignals.All.Select(s => new SignalCount(s, null))], null, null, why, [], [], []);
}
