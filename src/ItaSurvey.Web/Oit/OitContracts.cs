

namespace ItaSurvey.Web.Oit;

/// <summary>A round's OIT checklist: every item of the year in checklist order, answered or not.</summary>
public sealed record OitChecklistDto(int RoundId, int FiscalYear, IReadOnlyList<OitItemDto> Items)
{
    public static OitChecklistDto From(OitChecklistView view) =>
        new(view.Round.Id, view.Round.FiscalYear, [.. Sections(view).Select(s => OitItemDto.From(view.Items[s.Item], s.Indicator, s.SubIndicator))]);

    /// <summary>Each item code with its indicator and sub-indicator, in checklist order.</summary>
    public static IEnumerable<(string Item, string Indicator, string SubIndicator)> Sections(OitChecklistView view) =>
        view.Groups.SelectMany(g => g.Sections.SelectMany(s => s.ItemCodes.Select(code => (code, g.Code, s.Code))));
}

/// <summary>
/// One OIT item: the answer (present true = มี, false = ไม่มี, null = not answered yet), the evidence
/// URLs with what the background link check last found, and the explanation.
/// </summary>
public sealed record OitItemDto(string Code, string TitleTh, string Indicator, string SubIndicator, bool? Present, string AnswerTh,
    IReadOnlyList<OitUrlDto> Urls, string? Explanation)
{
    public static OitItemDto From(OitItemForm item, string indicator, string subIndicator) =>
        new(item.Code, item.Title, indicator, subIndicator, item.Present, OitChecklist.PresentName(item.Present),
            [.. item.Urls.Where(u => u.StoredUrl is not null).Select(u => OitUrlDto.From(u.StoredUrl!, u.LastStatus, u.LastError, u.LastCheckedAt)
                with { Label = u.Label, Evidence = OitVerdictDto.From(u.Verdict) })],
            item.Explanation);
}

/// <summary>
/// An evidence URL and its link check: "notChecked" (not yet), "ok" (answered 2xx or 3xx), "broken"
/// (answered another HTTP status) or "unreachable" (no answer: error says why: timeout, DNS, TLS...);
/// and <see cref="Evidence"/>, what its text says (null before the first check).
/// </summary>
public sealed record OitUrlDto(string Url, string LinkCheck, int? HttpStatus, string? Error, DateTime? CheckedAt)
{
    /// <summary>The document's name as the agency shows it on its public ITA page, or null.</summary>
    public string? Label { get; init; }

    /// <summary>The verdict on the evidence's text, checked at <see cref="CheckedAt"/>; null until checked.</summary>
    public OitVerdictDto? Evidence { get; init; }

    public static OitUrlDto From(string url, int? status, string? error, DateTime? checkedAt) => new(url,
        (status, checkedAt) switch
        {
            (_, null) => "notChecked",
            ( >= 200 and < 400, _) => "ok",
            (not null, _) => "broken",
            _ => "unreachable",
        },
        status, error, checkedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null);
}

/// <summary>The body of PUT /rounds/{id}/oit/{code}: the item as it should be stored.</summary>
/// <param name="Present">true (มี), false (ไม่มี), or null or left out (not answered yet). An item answered true needs a URL.</param>
/// <param name="Urls">Evidence URLs, full http(s) addresses, at most 10; URLs already stored keep their link check.</param>
/// <param name="Explanation">What the evidence shows, or why it is missing (at most 4,000 characters).</param>
/// <param name="Labels">Optional: the name of each URL's document, in the same order as urls (at most 200 characters each), shown on the public ITA page. Left out, URLs that stay keep their stored labels; an empty list clears them.</param>
public sealed record OitItemRequest(bool? Present = null, IReadOnlyList<string>? Urls = null, string? Explanation = null, IReadOnlyList<string?>? Labels = null)
{
    public OitItemForm ToForm(string code) => new()
    {
        Code = code.Trim(), Title = "", Present = Present, Explanation = Explanation,
        Urls = [.. (Urls ?? []).Select((u, i) => new OitUrlEntry { Text = u ?? "", Label = Labels is { } labels && i < labels.Count ? labels[i] : null })],
        KeepStoredLabels = Labels is null,
    };
}

/// <summary>The body of PATCH /rounds/{id}/oit: the items to store, each with its code; items not listed stay as they are.</summary>
public sealed record OitBatchRequest(IReadOnlyList<OitBatchItem>? Items);

/// <summary>One item of a batch: its code (O1, O2...) and the item as it should be stored.</summary>
public sealed record OitBatchItem(string? Code, bool? Present, IReadOnlyList<string>? Urls = null, string? Explanation = null, IReadOnlyList<string?>? Labels = null)
{
    public OitItemForm ToForm() => new OitItemRequest(Present, Urls, Explanation, Labels).ToForm(Code ?? "");
}

/// <summary>
/// The verdict on an evidence link's text: verdict "looksRight" (ดูเหมือนถูกต้อง), "checkYear" (ตรวจสอบปี),
/// "checkContent" (ตรวจสอบเนื้อหา), "broken" (ลิงก์เสีย) or "unreadable" (อ่านไม่ได้); finding, the typed
/// reason ("onlyOlderYears", "wordsMissing", "softNotFound", "scanOnly", "tooLarge"...); reasonTh, one
/// Thai sentence; detailTh, what was seen; onAgencySite, null when the agency named no domains.
/// </summary>
public sealed record OitVerdictDto(string Verdict, string VerdictTh, string? Finding, string? ReasonTh, string? DetailTh, bool? OnAgencySite)
{
    public static OitVerdictDto? From(StoredVerdict? stored) => stored is null ? null : new(
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(stored.Verdict.ToString()),
        ItaSurvey.Core.Evidence.VerdictText.Thai(stored.Verdict),
        stored.Finding is { } f ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(f.ToString()) : null,
        stored.Reason, stored.Detail, stored.OnAgencySite);
}
