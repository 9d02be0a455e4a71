namespace ItaSurvey.Web.Surveys.Editing;

/// <summary>What every part of the form shares: the draft, whether it may be edited, which sections are open, and what to do after a change.</summary>
public sealed class DraftContext(JsonDraft draft, bool readOnly, Func<Task> changed)
{
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closed = new(StringComparer.Ordinal);

    public JsonDraft Draft { get; } = draft;

    public bool ReadOnly { get; } = readOnly;

    /// <summary>Called after every change: the page checks again and schedules the autosave.</summary>
    public Func<Task> Changed { get; } = changed;

    /// <summary>An item is open when it was opened, or when a problem points inside it (unless it was closed by hand).</summary>
    public bool IsOpen(string file, string path) =>
        _open.Contains(file + path) || (!_closed.Contains(file + path) && Draft.HasProblemsUnder(file, path));

    /// <summary>Opens an item (a new one, to be filled in).</summary>
    public void Open(string file, string path)
    {
        _closed.Remove(file + path);
        _open.Add(file + path);
    }

    public void Toggle(string file, string path)
    {
        var key = file + path;
        if (IsOpen(file, path))
        {
            _open.Remove(key);
            _closed.Add(key);
        }
        else
        {
            _closed.Remove(key);
            _open.Add(key);
        }
    }
}
