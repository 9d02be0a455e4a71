namespace ItaSurvey.Core.Evidence;

/// <summary>What an administrator should do about one evidence link, after its text was read.</summary>
public enum EvidenceVerdict
{
    /// <summary>ดูเหมือนถูกต้อง: the link answers, names the round's fiscal year and mentions the item's words.</summary>
    LooksRight,

    /// <summary>ตรวจสอบปี: the round's fiscal year is not mentioned, or only older years are.</summary>
    CheckYear,

    /// <summary>ตรวจสอบเนื้อหา: the item's expected words are not found.</summary>
    CheckContent,

    /// <summary>ลิงก์เสีย: no answer, an HTTP error, or a page that says it does not exist (a soft 404).</summary>
    Broken,

    /// <summary>อ่านไม่ได้: a scan without text, a file too large, or a type whose text cannot be read.</summary>
    Unreadable,
}

/// <summary>Why a verdict was given: one finding per judgement, typed so that code never reads the Thai sentence.</summary>
public enum EvidenceFinding
{
    /// <summary>Year and words found (or no words were expected).</summary>
    YearAndWordsFound,

    /// <summary>No year of any kind in the text.</summary>
    YearMissing,

    /// <summary>Only years before the round's fiscal year.</summary>
    OnlyOlderYears,

    /// <summary>Years in the text, none of them the round's (later ones only).</summary>
    OtherYearsOnly,

    /// <summary>Too few of the expected words.</summary>
    WordsMissing,

    /// <summary>The server answered with an HTTP error status.</summary>
    HttpError,

    /// <summary>No answer at all: DNS, refused, timeout, blocked address...</summary>
    Unreachable,

    /// <summary>A 200 page whose words say it does not exist.</summary>
    SoftNotFound,

    /// <summary>A share link that needs signing in to open.</summary>
    SignInRequired,

    /// <summary>A PDF with pages but no text (a scan).</summary>
    ScanOnly,

    /// <summary>Larger than the check reads.</summary>
    TooLarge,

    /// <summary>A type the check does not read (an image, a Word file, an archive...).</summary>
    UnsupportedType,

    /// <summary>A readable type with no text in it (an empty page, a page drawn by scripts).</summary>
    NoText,

    /// <summary>A damaged or hostile document that could not be read.</summary>
    Damaged,
}
