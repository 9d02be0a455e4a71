using ItaSurvey.Core.Evidence;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Dashboards;

/// <summary>
/// An OIT item answered มี whose evidence the check doubts (any verdict but ดูเหมือนถูกต้อง): it
/// scores 100 today but may not convince the assessors, so it stands next to the missing items.
/// </summary>
public sealed record DoubtfulEvidence(string Code, string Title, IReadOnlyList<EvidenceVerdict> Verdicts)
{
    /// <summary>The round's doubtful items in checklist order, with each distinct verdict of their links.</summary>
    public static async Task<IReadOnlyList<DoubtfulEvidence>> OfRoundAsync(ItaDbContext db, int roundId, SurveyYear year, CancellationToken cancellationToken)
    {
        var rows = await (from e in db.OitEvidence.AsNoTracking()
                          join u in db.OitEvidenceUrls on e.Id equals u.EvidenceId
                          where e.RoundId == roundId && e.Present == true && u.Verdict != null && u.Verdict != EvidenceVerdict.LooksRight
                          select new { e.ItemCode, u.Verdict }).ToListAsync(cancellationToken);
        var questions = year.Questionnaires.GetValueOrDefault("OIT")?.Questions ?? [];
        return questions
            .Where(q => rows.Any(r => r.ItemCode == q.Code))
            .Select(q => new DoubtfulEvidence(q.Code, q.Text.Th, rows.Where(r => r.ItemCode == q.Code).Select(r => r.Verdict!.Value).Distinct().Order().ToList()))
            .ToList();
    }
}
