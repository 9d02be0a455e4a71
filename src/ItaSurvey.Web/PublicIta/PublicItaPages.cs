using ItaSurvey.Core.Model;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.PublicIta;

/// <summary>
/// Reads an agency's public ITA page: only a round whose page an administrator made public, and
/// only its OIT evidence. Scores come from the same scored results as every other page, so the
/// privacy rules that withhold them there withhold them here.
/// </summary>
public sealed class PublicItaPages(IDbContextFactory<ItaDbContext> databases, SurveyLibrary surveys, RoundResults results, TimeProvider clock)
{
    /// <summary>Upper-cases the typed agency code and keeps it only when it is well formed; null otherwise.</summary>
    public static string? NormalizeCode(string? typed) =>
        ShortCodes.Normalize(typed) is var code && ShortCodes.IsWellFormed(code, ShortCodes.PublicLinkLength) ? code : null;

    /// <summary>The page, or null when there is no such agency or year, or its page is not public.</summary>
    public async Task<PublicItaView?> FindAsync(string agencyCode, int fiscalYear, CancellationToken cancellationToken = default)
    {
        if (NormalizeCode(agencyCode) is not { } code)
        {
            return null;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking()
            .Where(r => r.Agency.PublicCode == code && r.FiscalYear == fiscalYear && r.PublicPage && r.SurveyVersionId != null)
            .Select(r => new { r.Id, r.SurveyVersionId, r.ClosesOn, r.PublicScores, r.Agency.NameTh, r.Agency.Province })
            .SingleOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return null;
        }
        var evidence = await db.OitEvidence.AsNoTracking().Where(e => e.RoundId == round.Id)
            .Select(e => new { e.ItemCode, e.Present, e.UpdatedAt, Links = e.Urls.OrderBy(u => u.Id).Select(u => new PublicEvidenceLink(u.Label, u.Url)).ToList() })
            .ToDictionaryAsync(e => e.ItemCode, cancellationToken);
        var year = surveys.Version(round.SurveyVersionId!.Value).Year;
        var indicators = Group(year, code => evidence.GetValueOrDefault(code) is { } e
            ? (e.Present, e.Links, e.UpdatedAt)
            : (null, [], null));
        var finished = round.ClosesOn < ThaiCalendar.Today(clock);
        var scores = round.PublicScores && finished ? await ScoresAsync(round.Id, year, cancellationToken) : null;
        return new PublicItaView(code, round.NameTh, round.Province, fiscalYear, indicators, scores);
    }

    /// <summary>The year's OIT items under its indicators and sub-indicators, in checklist order; items outside any sub-indicator under the indicator itself.</summary>
    public static IReadOnlyList<PublicIndicator> Group(SurveyYear year, Func<string, (bool? Present, List<PublicEvidenceLink> Links, DateTime? UpdatedAt)> answer)
    {
        var questions = year.Questionnaire("OIT").Questions;
        PublicItem Item(Question q)
        {
            var (present, links, updated) = answer(q.Code);
            return new PublicItem(q.Code, q.Text.Th, present, links, updated);
        }
        return year.Model.IndicatorsOf("OIT").Select(indicator =>
        {
            var own = questions.Where(q => q.Indicator == indicator.Code).ToList();
            var sections = (indicator.SubIndicators ?? [])
                .Select(s => new PublicSection(s.Code, s.Name.Th, own.Where(q => q.SubIndicator == s.Code).Select(Item).ToList()))
                .ToList();
            var loose = own.Where(q => sections.All(s => s.Items.All(i => i.Code != q.Code))).Select(Item).ToList();
            if (loose.Count > 0)
            {
                sections.Add(new PublicSection(indicator.Code, indicator.Name.Th, loose));
            }
            return new PublicIndicator(indicator.Code, indicator.Name.Th, sections);
        }).ToList();
    }

    // Only figures the round's scored result holds: an instrument with fewer than k responses is
    // scored as empty there, so it (and every indicator of it, and the total) shows as withheld.
    private async Task<PublicScores?> ScoresAsync(int roundId, SurveyYear year, CancellationToken cancellationToken)
    {
        if (await results.ForRoundAsync(roundId, cancellationToken) is not { } result)
        {
            return null;
        }
        var model = year.Model;
        var assessment = result.Assessment;
        var instruments = assessment.Instruments
            .Select(i => new PublicScore(i.Code, model.FindInstrument(i.Code)?.Name.Th ?? i.Code, i.Weight, result.IsWithheld(i.Code) ? null : i.Score, result.IsWithheld(i.Code)))
            .ToList();
        var indicators = assessment.Indicators
            .Select(i => new PublicScore(i.Code, model.FindIndicator(i.Code)?.Name.Th ?? i.Code, null, result.IsWithheld(i.Instrument) ? null : i.Score, result.IsWithheld(i.Instrument)))
            .ToList();
        var complete = instruments.All(i => i.Score is not null);
        return new PublicScores(complete ? assessment.Total : null, complete ? assessment.Rating?.Name.Th : null, instruments, indicators, result.MinimumResponses);
    }
}
