namespace ItaSurvey.Core.Evidence;

/// <summary>
/// Recognises a soft 404: a page answered with 200 whose words say the page does not exist. The
/// phrases are looked for in the title, or in the whole text of a short page (a real document
/// that happens to quote "not found" is long; an error page is short), spaces ignored.
/// </summary>
public static class SoftNotFound
{
    /// <summary>Pages with more compact text than this are documents, not error pages.</summary>
    public const int ShortPage = 2_000;

    private static readonly string[] Phrases =
    [
        "ไม่พบหน้า", "ไม่พบเพจ", "ไม่พบหน้าเว็บ", "หน้าที่คุณต้องการ", "หน้าที่ท่านต้องการ", "หน้าที่ท่านเรียก", "หน้าที่คุณเรียก",
        "ไม่มีหน้านี้", "หน้านี้ไม่มีอยู่", "ไม่พบไฟล์", "ไม่พบเอกสาร", "ไม่พบบทความ", "ไม่พบเนื้อหา", "ถูกลบหรือย้าย", "ถูกลบไปแล้ว",
        "page not found", "404 not found", "error 404", "404 error", "not found", "does not exist", "doesn't exist",
        "no longer available", "no longer exists", "could not be found", "cannot be found", "can't be found", "file not found",
    ];

    /// <summary>True when the title or a short page's text says the page is missing; returns the phrase seen.</summary>
    public static bool Says(string? title, string text, out string phrase)
    {
        var compactTitle = EvidenceText.Compact(title ?? "");
        if (compactTitle.StartsWith("404", StringComparison.Ordinal) || compactTitle.EndsWith("404", StringComparison.Ordinal))
        {
            phrase = "404";
            return true;
        }
        foreach (var candidate in Phrases)
        {
            if (EvidenceText.Mentions(compactTitle, candidate))
            {
                phrase = candidate;
                return true;
            }
        }
        var compact = EvidenceText.Compact(text);
        if (compact.Length <= ShortPage)
        {
            foreach (var candidate in Phrases)
            {
                if (EvidenceText.Mentions(compact, candidate))
                {
                    phrase = candidate;
                    return true;
                }
            }
        }
        phrase = "";
        return false;
    }
}
