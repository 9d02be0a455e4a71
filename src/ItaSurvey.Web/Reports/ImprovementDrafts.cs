using ItaSurvey.Core.Improvement;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Reports;

/// <summary>
/// The improvement draft of a round as its scores and OIT disclosure stand now: what the report
/// page offers before a report exists, and the rows a report is drafted (or topped up) with.
/// </summary>
public sealed class ImprovementDrafts(RoundResults results, SurveyLibrary surveys)
{
    /// <summary>The round's scores and the draft computed from them now, under the version the round is pinned to (null when it has none).</summary>
    public async Task<(RoundResult? Result, ImprovementDraft? Draft)> DraftAsync(ItaDbContext db, AssessmentRound round, CancellationToken cancellationToken)
    {
        if (round.SurveyVersionId is null || await results.ForRoundAsync(round.Id, cancellationToken) is not { } result)
        {
            return (null, null);
        }
        var year = result.Definitions;
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

    /// <summary>The indicator codes of a round's version, which every row's indicator must be one of (none when the round has no version).</summary>
    public IReadOnlySet<string> IndicatorCodes(int? surveyVersionId) =>
        surveyVersionId is { } id ? surveys.Version(id).Year.Model.Indicators.Select(i => i.Code).ToHashSet() : new HashSet<string>();
}
