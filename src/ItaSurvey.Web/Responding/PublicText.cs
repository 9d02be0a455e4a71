namespace ItaSurvey.Web.Responding;

/// <summary>
/// Marker for the respondent pages' texts: PublicText.resx holds Thai (the default language),
/// PublicText.en.resx English. Read through IStringLocalizer&lt;PublicText&gt;.
/// </summary>
public sealed class PublicText;
