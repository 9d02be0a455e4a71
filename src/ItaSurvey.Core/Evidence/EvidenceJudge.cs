namespace ItaSurvey.Core.Evidence;

/// <summary>What the judge is given about one evidence link.</summary>
/// <param name="Fetched">What fetching the URL gave.</param>
/// <param name="FiscalYear">The round's fiscal year (Buddhist Era).</param>
/// <param name="ExpectedWords">The OIT item's expected words (its <c>keywords</c> in the year's JSON); may be empty.</param>
/// <param name="AgencyDomains">The agency's own web domains; may be empty.</param>
public sealed record EvidenceCase(FetchedEvidence Fetched, int FiscalYear, IReadOnlyList<string> ExpectedWords, IReadOnlyCollection<string> AgencyDomains);

/// <summary>A verdict on one evidence link.</summary>
/// <param name="Verdict">What to do about it.</param>
/// <param name="Finding">Why, typed.</param>
/// <param name="Reason">The reason in one Thai sentence, to show beside the link.</param>
/// <param name="Detail">What was seen (years, words found and missing, the HTTP status), in Thai, for the detail line.</param>
/// <param name="OnAgencySite">Whether the final address is on one of the agency's domains; null when it named none.</param>
public sealed record EvidenceJudgement(EvidenceVerdict Verdict, EvidenceFinding Finding, string Reason, string Detail, bool? OnAgencySite);

/// <summary>
/// Judges what an evidence link says: it must answer, be readable, not be an error page, name the
/// round's fiscal year (not only older ones) and mention enough of the item's expected words.
/// The first of these that fails gives the verdict. Where the link lives is reported, never judged:
/// agencies may publish on other hosts (Google Drive, a ministry's portal).
/// </summary>
public static class EvidenceJudge
{
    /// <summary>How many of the expected words must appear: half of them, rounded up, and at least one.</summary>
    public static int WordsNeeded(int expected) => expected == 0 ? 0 : (expected + 1) / 2;

    /// <summary>Gives the verdict on one evidence link.</summary>
    public static EvidenceJudgement Judge(EvidenceCase evidence)
    {
        var fetched = evidence.Fetched;
        var onSite = AgencySite.IsOn(fetched.FinalUrl, evidence.AgencyDomains);
        EvidenceJudgement Verdict(EvidenceVerdict verdict, EvidenceFinding finding, string reason, string detail) =>
            new(verdict, finding, reason, detail, onSite);

        switch (fetched.Result)
        {
            case FetchResult.HttpError:
                return Verdict(EvidenceVerdict.Broken, EvidenceFinding.HttpError,
                    $"เว็บไซต์ตอบกลับด้วยรหัสข้อผิดพลาด HTTP {fetched.Status} ผู้ประเมินจะเปิดหลักฐานนี้ไม่ได้", $"HTTP {fetched.Status}");
            case FetchResult.Unreachable:
                return Verdict(EvidenceVerdict.Broken, EvidenceFinding.Unreachable,
                    "เปิดลิงก์ไม่ได้ เว็บไซต์ไม่ตอบกลับหรือไม่มีอยู่", fetched.Failure ?? "");
            case FetchResult.SignInRequired:
                return Verdict(EvidenceVerdict.Broken, EvidenceFinding.SignInRequired,
                    "ลิงก์นี้ต้องลงชื่อเข้าใช้ก่อนจึงจะเปิดได้ ควรตั้งค่าการแชร์ให้ทุกคนที่มีลิงก์ดูได้", fetched.Failure ?? "");
            case FetchResult.ScanOnly:
                return Verdict(EvidenceVerdict.Unreadable, EvidenceFinding.ScanOnly,
                    "ไฟล์ PDF เป็นภาพสแกนที่ไม่มีข้อความ ระบบอ่านเนื้อหาไม่ได้ ควรเผยแพร่ไฟล์ที่มีข้อความหรือตรวจด้วยตนเอง", fetched.Failure ?? "");
            case FetchResult.TooLarge:
                return Verdict(EvidenceVerdict.Unreadable, EvidenceFinding.TooLarge,
                    "ไฟล์มีขนาดใหญ่เกินกว่าที่ระบบอ่านได้ ควรตรวจเนื้อหาด้วยตนเอง", fetched.Failure ?? "");
            case FetchResult.UnsupportedType:
                return Verdict(EvidenceVerdict.Unreadable, EvidenceFinding.UnsupportedType,
                    "ระบบอ่านได้เฉพาะหน้าเว็บและไฟล์ PDF ไฟล์ชนิดนี้ต้องตรวจด้วยตนเอง", fetched.Failure ?? "");
            case FetchResult.Damaged:
                return Verdict(EvidenceVerdict.Unreadable, EvidenceFinding.Damaged,
                    "ไฟล์เสียหายหรืออ่านไม่ได้ ควรเปิดตรวจด้วยตนเอง", fetched.Failure ?? "");
        }

        if (!fetched.IsPdf && SoftNotFound.Says(fetched.Title, fetched.Text, out var phrase))
        {
            return Verdict(EvidenceVerdict.Broken, EvidenceFinding.SoftNotFound,
                "หน้าเว็บเปิดได้แต่มีข้อความว่าไม่พบหน้าที่ต้องการ หลักฐานอาจถูกย้ายหรือลบไปแล้ว", $"พบข้อความ \"{phrase}\"");
        }
        if (string.IsNullOrWhiteSpace(fetched.Text) && string.IsNullOrWhiteSpace(fetched.Title))
        {
            return Verdict(EvidenceVerdict.Unreadable, EvidenceFinding.NoText,
                "เปิดลิงก์ได้แต่ไม่มีข้อความให้อ่าน ควรตรวจเนื้อหาด้วยตนเอง", "");
        }

        var compact = EvidenceText.Compact(fetched.Text + " " + fetched.Title);
        var found = evidence.ExpectedWords.Where(w => EvidenceText.Mentions(compact, w)).ToList();
        var missing = evidence.ExpectedWords.Except(found).ToList();
        var wordsDetail = evidence.ExpectedWords.Count == 0
            ? "ข้อนี้ไม่ได้กำหนดคำสำคัญ"
            : $"พบคำสำคัญ {found.Count} จาก {evidence.ExpectedWords.Count} คำ" + (missing.Count > 0 ? $" (ไม่พบ: {string.Join(", ", missing)})" : "");

        var (named, older, later) = YearMentions.For(fetched.Text + " " + fetched.Title, evidence.FiscalYear);
        if (!named)
        {
            var seen = older.Concat(later).ToList();
            var yearsDetail = seen.Count == 0 ? $"ไม่พบปี {evidence.FiscalYear}" : $"พบปี {string.Join(", ", seen)} แต่ไม่พบปี {evidence.FiscalYear}";
            return later.Count == 0 && older.Count > 0
                ? Verdict(EvidenceVerdict.CheckYear, EvidenceFinding.OnlyOlderYears,
                    $"เอกสารกล่าวถึงเฉพาะปีก่อนหน้า (ล่าสุด {older[^1]}) อาจเป็นหลักฐานของปีที่แล้ว ควรเผยแพร่ฉบับปี {evidence.FiscalYear}", $"{yearsDetail}; {wordsDetail}")
                : Verdict(EvidenceVerdict.CheckYear, seen.Count == 0 ? EvidenceFinding.YearMissing : EvidenceFinding.OtherYearsOnly,
                    $"ไม่พบปีงบประมาณ {evidence.FiscalYear} ในเนื้อหา ควรตรวจว่าเป็นหลักฐานของปีนี้", $"{yearsDetail}; {wordsDetail}");
        }
        if (found.Count < WordsNeeded(evidence.ExpectedWords.Count))
        {
            return Verdict(EvidenceVerdict.CheckContent, EvidenceFinding.WordsMissing,
                "ไม่พบคำสำคัญของข้อนี้มากพอ เนื้อหาอาจไม่ตรงกับข้อที่ประเมิน", $"พบปี {evidence.FiscalYear}; {wordsDetail}");
        }
        return Verdict(EvidenceVerdict.LooksRight, EvidenceFinding.YearAndWordsFound,
            $"พบปีงบประมาณ {evidence.FiscalYear} และคำสำคัญของข้อนี้ในเนื้อหา", $"พบปี {evidence.FiscalYear}; {wordsDetail}");
    }
}
