namespace ItaSurvey.Core.Evidence;

/// <summary>How fetching the evidence ended, before its text is judged.</summary>
public enum FetchResult
{
    /// <summary>The body was read and its text extracted (possibly cut at the text limit).</summary>
    Text,

    /// <summary>An HTTP status of 400 or above.</summary>
    HttpError,

    /// <summary>No HTTP answer (see <see cref="FetchedEvidence.Failure"/> for a short reason).</summary>
    Unreachable,

    /// <summary>The share link leads to a sign-in page.</summary>
    SignInRequired,

    /// <summary>A PDF whose pages have no text.</summary>
    ScanOnly,

    /// <summary>The body, or its decompressed content, is over the size limit.</summary>
    TooLarge,

    /// <summary>The content type is not HTML, text or PDF.</summary>
    UnsupportedType,

    /// <summary>The document could not be parsed.</summary>
    Damaged,
}

/// <summary>
/// What was fetched from one evidence URL: how the fetch ended and, for a readable answer, the
/// extracted text and the page's title.
/// </summary>
/// <param name="Result">How the fetch ended.</param>
/// <param name="FinalUrl">The address answered after redirects (the URL itself without any).</param>
/// <param name="Status">The last HTTP status, when there was one.</param>
/// <param name="Text">The extracted text (empty unless <see cref="FetchResult.Text"/>).</param>
/// <param name="Title">The HTML title, when there is one.</param>
/// <param name="Failure">A short reason for a failed fetch (timeout, DNS, content type...), for the detail line.</param>
/// <param name="IsPdf">True when the text came from a PDF: a PDF is not checked for soft-404 wording.</param>
public sealed record FetchedEvidence(
    FetchResult Result,
    Uri? FinalUrl,
    int? Status = null,
    string Text = "",
    string? Title = null,
    string? Failure = null,
    bool IsPdf = false);
