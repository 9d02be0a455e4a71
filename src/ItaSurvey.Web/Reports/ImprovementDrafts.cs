using ItaSurvey.Core.Improvement;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Reports;

/// <summary>
/// The improvement draft of a round as its scores and OIT disclosure stand now: what the report
/// page offers before a report exists, and the rows a report is drafted (or topped up) with.
/// </summary>
public sealed class ImprovementDrafts(RoundResults results, SurveyCatalog catalog)
{
    /// <summary>The round's scores and the draft computed from them now (null without definitions for its year).</summary>
    public async Task<(RoundResult? Result, ImprovementDraft? Draft)> DraftAsync(ItaDbContext db, AssessmentRound round, CancellationToken cancellationToken)
    {
        if (!catalog.Has(round.FiscalYear) || await results.ForRoundAsync(round.Id, cancellationToken) is not { } result)
        {
            return (null, null);
        }
        var year = catalog.Year(round.FiscalYear);
        var disclosed = await db.OitEvidence.AsNoTracking().Where(e => e.RoundId == round.Id && e.Present == true)
            .Select(e => e.ItemCode).ToListAsync(cancellationToken);
        var missing = year.Questionnaire("OIT").Questions.Select(q => q.Code).Except(disclosed, StringComparer.Ordinal).ToList();
        return (result, ImprovementPlanner.Draft(year, result.Assessment, missing, result.Withheld, result.MinimumResponses));
    }

    /// <summary>One report row per weakness of the draft, the agency's columns left empty.</summary>
    public static IEnumerable<ImprovementItem> Rows(ImprovementDraft draft) =>
        draft.Indicators.SelectMany(indicator => indicator.Weaknesses.Select(w => new ImprovementItem
        {
            Section = indicator.Section, IndicatorCode = indicator.Code, SourceKind = w.Source, SourceCode = w.Code,
            Weakness = w.Text.Length > ImprovementReportModel.MaxWeakness ? w.Text[..ImprovementReportModel.MaxWeakness] : w.Text,
        }));

    /// <summary>The indicator codes of a fiscal year, which every row's indicator must be one of (none without definitions for the year).</summary>
    public IReadOnlySet<string> IndicatorCodes(int fiscalYear) =>
        catalog.Has(fiscalYear) ? catalog.Year(fiscalYear).Model.Indicators.Select(i => i.Code).ToHashSet() : new HashSet<string>();
}
