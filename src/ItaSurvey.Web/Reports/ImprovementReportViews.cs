using System.Security.Claims;
using ItaSurvey.Core.Improvement;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Reports;

/// <summary>An indicator offered when a row is added by hand.</summary>
public sealed record IndicatorChoice(string Code, string Name);

/// <summary>What the report pages show: the round, the draft computed now and the stored report, if any.</summary>
public sealed record ImprovementReportView(
    AssessmentRound Round,
    bool CanEdit,
    RoundResult? Result,
    ImprovementDraft? Draft,
    ImprovementReportForm? Report,
    IReadOnlyList<IndicatorChoice> Indicators);

/// <summary>
/// Reads a round's improvement report within the user's scope, for the report page, its print
/// and CSV, and the API: the stored report, the draft as the scores stand now, and whether the
/// user may change it (<see cref="ImprovementReports"/> makes the changes).
/// </summary>
public sealed class ImprovementReportViews(IDbContextFactory<ItaDbContext> databases, AgencyAccess access, ImprovementDrafts drafts, SurveyLibrary surveys)
{
    /// <summary>The report pages' data, or null when there is no such round or the user may not see it.</summary>
    public async Task<ImprovementReportView?> LoadAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken = default)
    {
        if (await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return null;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Agency).SingleAsync(r => r.Id == roundId, cancellationToken);
        var canEdit = await access.CanEditAsync(user, agencyId, cancellationToken);
        var (result, draft) = await drafts.DraftAsync(db, round, cancellationToken);
        var report = await db.ImprovementReports.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.RoundId == roundId, cancellationToken);
        var indicators = round.SurveyVersionId is { } version
            ? surveys.Version(version).Year.Model.Indicators.Select(i => new IndicatorChoice(i.Code, i.Name.Th)).ToList()
            : [];
        return new ImprovementReportView(round, canEdit, result, draft, report is null ? null : ImprovementReportForm.From(report), indicators);
    }
}
