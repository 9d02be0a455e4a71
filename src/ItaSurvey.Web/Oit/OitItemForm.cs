using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Forms;

namespace ItaSurvey.Web.Oit;

/// <summary>One OIT checklist item as the page edits it: มี/ไม่มี, evidence URLs and an explanation.</summary>
public sealed class OitItemForm
{
    public const int MaxUrls = 10;

    public const int MaxUrlLength = WebUrls.MaxLength;

    public const int MaxExplanationLength = 4000;

    public const int MaxLabelLength = 200;

    public required string Code { get; init; }

    public required string Title { get; init; }

    /// <summary>มี (true), ไม่มี (false), ยังไม่ระบุ (null).</summary>
    public bool? Present { get; set; }

    public List<OitUrlEntry> Urls { get; set; } = [];

    public string? Explanation { get; set; }

    /// <summary>
    /// The request said nothing about labels (an API client from before labels, or one that does not
    /// use them): URLs that stay keep the labels stored with them, new ones get none.
    /// </summary>
    public bool KeepStoredLabels { get; set; }

    /// <summary>Changed on the page since it was last loaded or saved.</summary>
    public bool Dirty { get; set; }

    /// <summary>What the last save attempt found wrong with this item.</summary>
    public FormErrors Errors { get; set; } = FormErrors.None;

    /// <summary>The URLs as they will be stored: trimmed, blank rows dropped, each once.</summary>
    public IReadOnlyList<string> CleanUrls() =>
        Urls.Select(u => u.Text.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Each stored URL's label as typed (trimmed; blank is none); the first row of a URL given twice wins.</summary>
    public IReadOnlyDictionary<string, string?> CleanLabels() => Urls
        .Where(u => u.Text.Trim().Length > 0)
        .GroupBy(u => u.Text.Trim(), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => string.IsNullOrWhiteSpace(g.First().Label) ? null : g.First().Label!.Trim(), StringComparer.Ordinal);

    public string? CleanExplanation() => string.IsNullOrWhiteSpace(Explanation) ? null : Explanation.Trim();

    /// <summary>Checks the item. Keys: "Url{i}" (row i), "Urls", "Explanation".</summary>
    public FormErrors Validate()
    {
        var errors = new FormErrors();
        for (var i = 0; i < Urls.Count; i++)
        {
            if (WebUrls.Problem(Urls[i].Text) is { } problem)
            {
                errors.Add($"Url{i}", problem, $"Not an evidence URL that can be kept: a full http:// or https:// address of at most {MaxUrlLength:N0} characters.");
            }
            if ((Urls[i].Label?.Trim().Length ?? 0) > MaxLabelLength)
            {
                errors.Add($"Url{i}", $"ชื่อเอกสารยาวได้ไม่เกิน {MaxLabelLength} ตัวอักษร", $"A document's label is at most {MaxLabelLength} characters.");
            }
        }
        var urls = CleanUrls();
        if (urls.Count > MaxUrls)
        {
            errors.Add("Urls", $"ใส่ URL ได้ไม่เกิน {MaxUrls} รายการต่อข้อ", $"An item has at most {MaxUrls} URLs.");
        }
        else if (Present == true && urls.Count == 0)
        {
            errors.Add("Urls", "ข้อที่ตอบว่า “มี” ต้องมี URL ของหลักฐานอย่างน้อย 1 รายการ", "An item answered มี (present) needs at least one evidence URL.");
        }
        if ((CleanExplanation()?.Length ?? 0) > MaxExplanationLength)
        {
            errors.Add("Explanation", $"คำอธิบายยาวได้ไม่เกิน {MaxExplanationLength:N0} ตัวอักษร", $"The explanation is at most {MaxExplanationLength:N0} characters.");
        }
        return errors;
    }
}

/// <summary>A URL row: the text being edited and, for a stored URL, what the background link check last found.</summary>
public sealed class OitUrlEntry
{
    public string Text { get; set; } = "";

    /// <summary>The document's name as the agency wants it shown on its public ITA page; optional.</summary>
    public string? Label { get; set; }

    /// <summary>The URL as stored, or null for a row added on the page.</summary>
    public string? StoredUrl { get; init; }

    public int? LastStatus { get; init; }

    public string? LastError { get; init; }

    public DateTime? LastCheckedAt { get; init; }

    /// <summary>What the check made of the evidence's text, with its reason and detail, or null before the first check.</summary>
    public StoredVerdict? Verdict { get; init; }

    /// <summary>The verdict applies only while the row still holds the stored URL.</summary>
    public StoredVerdict? CurrentVerdict => StoredUrl is not null && Text.Trim() == StoredUrl ? Verdict : null;

    /// <summary>The check applies only while the row still holds the stored URL.</summary>
    public LinkCheck Check => StoredUrl is not null && Text.Trim() == StoredUrl
        ? LinkCheck.Of(LastStatus, LastError, LastCheckedAt)
        : new LinkCheck("", "pending"); // typed, not saved yet: the item as a whole says so
}

/// <summary>A stored verdict on a URL's evidence: the verdict, its Thai reason and detail, and whether it is on the agency's site.</summary>
public sealed record StoredVerdict(ItaSurvey.Core.Evidence.EvidenceVerdict Verdict, string? Reason, string? Detail, bool? OnAgencySite,
    ItaSurvey.Core.Evidence.EvidenceFinding? Finding = null)
{
    public static StoredVerdict? Of(OitEvidenceUrl url) =>
        url.Verdict is { } verdict ? new(verdict, url.VerdictReason, url.VerdictDetail, url.OnAgencySite, url.VerdictFinding) : null;

    /// <summary>A CSS tone: "ok" for ดูเหมือนถูกต้อง, "warn" for the checks, "bad" for broken and unreadable.</summary>
    public string Tone => Verdict switch
    {
        ItaSurvey.Core.Evidence.EvidenceVerdict.LooksRight => "ok",
        ItaSurvey.Core.Evidence.EvidenceVerdict.CheckYear or ItaSurvey.Core.Evidence.EvidenceVerdict.CheckContent => "warn",
        _ => "bad",
    };
}

/// <summary>A link check shown to the user: a Thai sentence and a tone ("ok", "bad", "pending").</summary>
public sealed record LinkCheck(string Text, string Tone)
{
    public static LinkCheck Of(int? status, string? error, DateTime? checkedAt) => (status, checkedAt) switch
    {
        (_, null) => new("ยังไม่ได้ตรวจลิงก์", "pending"),
        ({ } s and >= 200 and < 400, { } at) => new($"เปิดได้ (HTTP {s}) · ตรวจเมื่อ {AdminFormat.Moment(at)}", "ok"),
        ({ } s, { } at) => new($"เปิดไม่ได้ (HTTP {s}) · ตรวจเมื่อ {AdminFormat.Moment(at)}", "bad"),
        (null, { } at) => new($"ไม่ตอบสนอง{(string.IsNullOrWhiteSpace(error) ? "" : ": " + error)} · ตรวจเมื่อ {AdminFormat.Moment(at)}", "bad"),
    };
}
