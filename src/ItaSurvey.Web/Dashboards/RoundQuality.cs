using System.Security.Claims;
using ItaSurvey.Core.Quality;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Dashboards;

/// <summary>A round's response-quality figures per instrument (IIT, EIT), the privacy rules applied by Core.</summary>
public sealed record RoundQuality(int RoundId, int FiscalYear, bool Open, int MinimumResponses, IReadOnlyList<QualityFigures> Instruments)
{
    public QualityFigures Of(string instrument) => Instruments.First(i => i.Instrument == instrument);
}

/// <summary>
/// Builds <see cref="RoundQuality"/>: the stored signal bits and answers of every response of the
/// round's current answer layout, the duplicate check over them, and the window counters.
/// </summary>
public sealed class RoundQualities(IDbContextFactory<ItaDbContext> databases, AgencyAccess access, SurveyLibrary surveys,
    IOptions<DashboardOptions> options, TimeProvider clock)
{
    /// <summary>The figures, or null when there is no such round or the user may not see its agency.</summary>
    public async Task<RoundQuality?> ForUserAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken = default) =>
        await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is null ? null : await BuildAsync(roundId, cancellationToken);

    /// <summary>The figures of a round, unscoped: callers check access first.</summary>
    public async Task<RoundQuality?> BuildAsync(int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new { r.FiscalYear, r.SurveyVersionId, r.ClosesOn }).SingleOrDefaultAsync(cancellationToken);
        if (round?.SurveyVersionId is not { } versionId)
        {
            return null;
        }
        var open = round.ClosesOn >= ThaiCalendar.Today(clock);
        var k = options.Value.MinimumResponses;
        var figures = new List<QualityFigures>();
        foreach (var instrument in Rounds.RoundAdmin.LinkedInstruments)
        {
            var compiled = surveys.Compiled(versionId, instrument);
            var responses = await ResponsesAsync(db, roundId, compiled, cancellationToken);
            var windows = await SubmissionWindowCounts.ReadAsync(db, roundId, instrument, cancellationToken);
            figures.Add(QualityAnalysis.Analyse(compiled, responses, windows, open, k));
        }
        return new RoundQuality(roundId, round.FiscalYear, open, k, figures);
    }

    /// <summary>
    /// How many of a round's EIT responses were looked at and how many carry any signal, for the
    /// score snapshot behind the cross-agency overview (the k rule is applied where it is shown).
    /// </summary>
    public static async Task<(long Checked, long Flagged)> EitFlaggedAsync(ItaDbContext db, SurveyLibrary surveys, int roundId, int versionId,
        CancellationToken cancellationToken)
    {
        var responses = await ResponsesAsync(db, roundId, surveys.Compiled(versionId, "EIT"), cancellationToken);
        return (responses.Count, FlaggedShare.CountFlagged(surveys.Compiled(versionId, "EIT"), responses));
    }

    /// <summary>The answers and stored signals of every response of the round's current answer layout, oldest first.</summary>
    private static async Task<List<(byte[] Levels, ResponseSignal Stored)>> ResponsesAsync(ItaDbContext db, int roundId,
        Core.Scoring.CompiledQuestionnaire compiled, CancellationToken cancellationToken)
    {
        var (instrument, version) = (compiled.Instrument, compiled.Fingerprint);
        var rows = await db.Responses.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Instrument == instrument && r.FormVersion == version)
            .OrderBy(r => r.Id).Select(r => new { r.Answers, r.Signals }).ToListAsync(cancellationToken);
        return rows.Where(r => r.Answers.Length == compiled.FieldCount).Select(r => (r.Answers, r.Signals)).ToList();
    }
}
