namespace ItaSurvey.Web.Admin;

/// <summary>
/// Thai messages of a form, keyed by field name ("" for the form as a whole). Pages show each
/// beside its field and link the field to it with aria-describedby.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);

    public static FormErrors None => new();

    /// <summary>The error for the form as a whole when the user may not make the change.</summary>
    public static FormErrors Denied => Of("", "ท่านไม่มีสิทธิ์แก้ไขข้อมูลนี้");

    public static FormErrors Of(string field, string message)
    {
        var errors = new FormErrors();
        errors.Add(field, message);
        return errors;
    }

    public bool Any => _messages.Count > 0;

    public int Count => _messages.Count;

    public IEnumerable<string> Fields => _messages.Keys;

    /// <summary>Keeps the first message of a field.</summary>
    public void Add(string field, string message) => _messages.TryAdd(field, message);

    public bool Has(string field) => _messages.ContainsKey(field);

    public string? this[string field] => _messages.GetValueOrDefault(field);

    /// <summary>"true" for a field with an error, else null (the attribute is left out).</summary>
    public string? AriaInvalid(string field) => Has(field) ? "true" : null;

    /// <summary>The id of the field's message for aria-describedby, or null when it has none.</summary>
    public string? DescribedBy(string field, string prefix = "") => Has(field) ? ErrorId(field, prefix) : null;

    public static string ErrorId(string field, string prefix = "") => $"{prefix}{field}-error";
}

/// <summary>The result of a change: the value made, or why nothing was changed.</summary>
public sealed record Outcome<T>(T? Value, FormErrors Errors)
{
    public bool Succeeded => !Errors.Any;

    public static Outcome<T> Done(T value) => new(value, FormErrors.None);

    public static Outcome<T> Failed(FormErrors errors) => new(default, errors);
}
