namespace ItaSurvey.Core.Model;

/// <summary>A text in Thai (required) and English (optional).</summary>
/// <param name="Th">The Thai text, shown first everywhere.</param>
/// <param name="En">The English text, where known.</param>
public sealed record LocalizedText(string Th, string? En = null)
{
    /// <summary>The text for a language ("th" or "en"), falling back to Thai where no English exists.</summary>
    public string For(string language) =>
        language.StartsWith("en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(En) ? En : Th;

    /// <inheritdoc />
    public override string ToString() => Th;
}
