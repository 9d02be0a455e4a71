using ItaSurvey.Core.Model;
using ItaSurvey.Core.Versions;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.ScoredResults;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Surveys;

/// <summary>A round of the version's fiscal year, with whether its answers read the same under the version.</summary>
public sealed record ImpactRound(int RoundId, string AgencyNameTh, int PinnedVersionId, int PinnedNumber, LayoutComparison Layout);

/// <summary>
/// What a version (a draft or a published one) would do to the scores of rounds already collected
/// in its fiscal year: which rounds share its answer layout, and a round's scores under it next to
/// its scores as published. Both come from <see cref="RoundResults"/>, which withholds what too few
/// respondents answered; nothing here reads responses another way.
/// </summary>
public sealed class VersionImpact(IDbContextFactory<ItaDbContext> databases, SurveyLibrary library, RoundResults results)
{
    /// <summary>Every pinned round of the fiscal year, compatible ones first.</summary>
    public async Task<IReadOnlyList<ImpactRound>> RoundsAsync(SurveyYear year, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.FiscalYear == year.FiscalYear && r.SurveyVersionId != null)
            .OrderBy(r => r.Agency.NameTh).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Agency.NameTh, VersionId = r.SurveyVersionId!.Value }).ToListAsync(cancellationToken);
        return rounds.Select(r =>
        {
            var pinned = library.Version(r.VersionId);
            return new ImpactRound(r.Id, r.NameTh, pinned.Id, pinned.Number, LayoutCheck.Compare(pinned.Year, year));
        }).OrderBy(r => r.Layout.IsCompatible ? 0 : 1).ToList();
    }

    /// <summary>The round's scores as published (its own version) and under <paramref name="year"/>; null when it may not be compared.</summary>
    public async Task<ScoreComparison?> CompareAsync(SurveyYear year, int roundId, CancellationToken cancellationToken = default)
    {
        var round = (await RoundsAsync(year, cancellationToken)).FirstOrDefault(r => r.RoundId == roundId);
        if (round is not { Layout.IsCompatible: true })
        {
            return null;
        }
        var before = await results.AnalyzeAsync(roundId, cancellationToken);
        var after = await results.ScoreUnderAsync(roundId, year, cancellationToken);
        return before is null || after is null ? null : ScoreComparison.Of(before.Result, after.Result);
    }
}
