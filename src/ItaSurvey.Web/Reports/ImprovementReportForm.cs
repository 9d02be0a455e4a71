using ItaSurvey.Core.Improvement;
using ItaSurvey.Web.Forms;

namespace ItaSurvey.Web.Reports;

/// <summary>The stored report as the page edits it; <see cref="Version"/> is what the edit started from.</summary>
public sealed class ImprovementReportForm
{
    public int RoundId { get; init; }

    public Guid Version { get; set; }

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = "";

    public DateTime UpdatedAt { get; init; }

    public string UpdatedBy { get; init; } = "";

    public List<ImprovementItemForm> Items { get; set; } = [];

    /// <summary>Everything the last save found wrong, row by row and field by field (empty when it saved).</summary>
    public IReadOnlyList<ImprovementProblem> Problems { get; set; } = [];

    public IEnumerable<ImprovementItemForm> In(ImprovementSection section) => Items.Where(i => i.Section == section);

    /// <summary>The stored report, its rows by section and in their order.</summary>
    public static ImprovementReportForm From(ImprovementReport report) => new()
    {
        RoundId = report.RoundId, Version = report.Version, CreatedAt = report.CreatedAt, CreatedBy = report.CreatedBy,
        UpdatedAt = report.UpdatedAt, UpdatedBy = report.UpdatedBy,
        Items = report.Items.OrderBy(i => i.Section).ThenBy(i => i.SortOrder).Select(ImprovementItemForm.From).ToList(),
    };

    /// <summary>
    /// Checks every row and every field, and the number of rows, so that one save shows every
    /// problem: each row carries its errors, <see cref="Problems"/> lists them all, and the answer
    /// holds them by <see cref="ImprovementProblem.Key"/> (none when the report may be saved).
    /// </summary>
    public FormErrors Check(IReadOnlySet<string> indicatorCodes, int maxRows)
    {
        var problems = new List<ImprovementProblem>();
        if (Items.Count > maxRows)
        {
            problems.Add(new(null, null, null, ImprovementProblem.WholeReport, ReportFailureText.TooManyRows(maxRows).Th));
        }
        for (var i = 0; i < Items.Count; i++)
        {
            var (item, row) = (Items[i], i + 1);
            item.Errors = item.Validate(indicatorCodes);
            problems.AddRange(item.Errors.Fields.Select(field => new ImprovementProblem(row, item.Key, item.SourceCode, field, item.Errors[field]!)));
        }
        Problems = problems;
        var errors = new FormErrors();
        problems.ForEach(p => errors.Add(p.Key, p.Text));
        return errors;
    }
}
