using ItaSurvey.Core.Model;

namespace ItaSurvey.Web.Forms;

/// <summary>
/// Messages of a form in Thai (and English where the API may show them), keyed by field name
/// ("" for the form as a whole). Pages show the Thai beside its field and link the field to it with
/// aria-describedby; the API answers with both.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, LocalizedText> _messages = new(StringComparer.Ordinal);

    public static FormErrors None => new();

    /// <summary>The error for the form as a whole when the user may not make the change.</summary>
    public static FormErrors Denied => Of("", "ท่านไม่มีสิทธิ์แก้ไขข้อมูลนี้", "You may not change this.");

    public static FormErrors Of(string field, string message, string? english = null)
    {
        var errors = new FormErrors();
        errors.Add(field, message, english);
        return errors;
    }

    public bool Any => _messages.Count > 0;

    public int Count => _messages.Count;

    public IEnumerable<string> Fields => _messages.Keys;

    /// <summary>Keeps the first message of a field.</summary>
    public void Add(string field, string message, string? english = null) => _messages.TryAdd(field, new LocalizedText(message, english));

    public bool Has(string field) => _messages.ContainsKey(field);

    /// <summary>The Thai message of a field, as pages show it.</summary>
    public string? this[string field] => _messages.GetValueOrDefault(field)?.Th;

    /// <summary>The message of a field in both languages (English falls back to the Thai where none was written).</summary>
    public LocalizedText? Message(string field) => _messages.GetValueOrDefault(field);

    /// <summary>"true" for a field with an error, else null (the attribute is left out).</summary>
    public string? AriaInvalid(string field) => Has(field) ? "true" : null;

    /// <summary>The id of the field's message for aria-describedby, or null when it has none.</summary>
    public string? DescribedBy(string field, string prefix = "") => Has(field) ? ErrorId(field, prefix) : null;

    public static string ErrorId(string field, string prefix = "") => $"{prefix}{field}-error";
}

/// <summary>Why a change was refused, so that an endpoint can answer with the right status without reading the message.</summary>
public enum Refusal
{
    /// <summary>What was sent is wrong: the messages say which field and why.</summary>
    Invalid,

    /// <summary>The user may not make this change.</summary>
    Denied,

    /// <summary>The thing to change does not exist (or not in the user's scope).</summary>
    NotFound,

    /// <summary>The stored state moved on since the change was prepared (or it already exists).</summary>
    Conflict,
}

/// <summary>The result of a change: the value made, or why nothing was changed.</summary>
public sealed record Outcome<T>(T? Value, FormErrors Errors, Refusal? Refusal = null)
{
    public bool Succeeded => !Errors.Any;

    public static Outcome<T> Done(T value) => new(value, FormErrors.None);

    public static Outcome<T> Failed(FormErrors errors, Refusal refusal = Forms.Refusal.Invalid) => new(default, errors, refusal);

    /// <summary>The user may not make the change.</summary>
    public static Outcome<T> Denied() => new(default, FormErrors.Denied, Forms.Refusal.Denied);
}
