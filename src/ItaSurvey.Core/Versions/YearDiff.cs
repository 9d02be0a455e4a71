using System.Collections;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Core.Versions;

/// <summary>
/// What changed between two versions of a fiscal year's definitions, such as a draft and the
/// version it was copied from (possibly another fiscal year). The changes are listed area by area
/// in <see cref="ChangeArea"/> order and, within an area, in the new version's order with each
/// removed thing after the one it followed.
/// </summary>
public sealed class YearDiff : IReadOnlyList<YearChange>
{
    private readonly IReadOnlyList<YearChange> _changes;

    private YearDiff(int fromYear, int toYear, IReadOnlyList<YearChange> changes)
    {
        FromYear = fromYear;
        ToYear = toYear;
        _changes = changes;
    }

    /// <summary>The fiscal year of the old version.</summary>
    public int FromYear { get; }

    /// <summary>The fiscal year of the new version.</summary>
    public int ToYear { get; }

    /// <summary>True when nothing an editor can change differs, notes and sources included.</summary>
    public bool IsEmpty => _changes.Count == 0;

    /// <summary>True when something other than a note or a source differs.</summary>
    public bool HasSubstantiveChanges => _changes.Any(c => !c.IsAnnotation);

    /// <summary>How many changes there are.</summary>
    public int Count => _changes.Count;

    /// <summary>The change at an index.</summary>
    public YearChange this[int index] => _changes[index];

    /// <summary>Compares a version (<paramref name="after"/>) with the one it came from (<paramref name="before"/>).</summary>
    public static YearDiff Between(SurveyYear before, SurveyYear after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new ChangeList();
        ModelDiff.Compare(before.Model, after.Model, changes);
        RulesDiff.Compare(before.Model, after.Model, changes);
        QuestionDiff.Compare(before, after, changes);
        return new YearDiff(before.FiscalYear, after.FiscalYear, changes.Items.OrderBy(c => c.Area).ToList());
    }

    /// <summary>The changes in one area, in order.</summary>
    public IReadOnlyList<YearChange> In(ChangeArea area) => _changes.Where(c => c.Area == area).ToList();

    /// <summary>The changes of the questions or items of one instrument, in order.</summary>
    public IReadOnlyList<YearChange> Of(string instrument) => _changes.Where(c => c.Instrument == instrument).ToList();

    /// <summary>The changes grouped by area, areas in <see cref="ChangeArea"/> order, empty areas left out.</summary>
    public IReadOnlyList<IGrouping<ChangeArea, YearChange>> ByArea() => _changes.GroupBy(c => c.Area).ToList();

    /// <summary>The changes of the thing with a code (e.g. "I13", "IIT", "passed-good"), in order.</summary>
    public IReadOnlyList<YearChange> For(string code) => _changes.Where(c => c.Code == code).ToList();

    /// <inheritdoc />
    public IEnumerator<YearChange> GetEnumerator() => _changes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
