using System.Security.Claims;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Forms;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Oit;

/// <summary>An OIT indicator (9, 10) and its sub-indicators, each listing its item codes in checklist order.</summary>
public sealed record OitIndicatorGroup(string Code, string Name, IReadOnlyList<OitSection> Sections);

public sealed record OitSection(string Code, string Name, IReadOnlyList<string> ItemCodes);

/// <summary>The checklist page of a round: its items by code, grouped as the year's model groups them.</summary>
public sealed record OitChecklistView(AssessmentRound Round, bool CanEdit, IReadOnlyList<OitIndicatorGroup> Groups, Dictionary<string, OitItemForm> Items);

/// <summary>Reads and records a round's OIT evidence within the user's scope.</summary>
public sealed class OitChecklist(IDbContextFactory<ItaDbContext> databases, AgencyAccess access, AuditLog audit, SurveyLibrary surveys, TimeProvider clock)
{
    /// <summary>The round's checklist, or null when there is no such round or the user may not see it.</summary>
    public async Task<OitChecklistView?> LoadAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken = default)
    {
        if (await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is not { } agencyId)
        {
            return null;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Agency).SingleAsync(r => r.Id == roundId, cancellationToken);
        var canEdit = await access.CanEditAsync(user, agencyId, cancellationToken);
        if (round.SurveyVersionId is not { } version)
        {
            return new OitChecklistView(round, canEdit, [], []);
        }
        var model = surveys.Version(version).Year.Model;
        var questions = Questions(version);
        var stored = await db.OitEvidence.AsNoTracking().Include(e => e.Urls).Where(e => e.RoundId == roundId)
            .ToDictionaryAsync(e => e.ItemCode, cancellationToken);
        var items = questions.ToDictionary(q => q.Code, q => ToForm(q, stored.GetValueOrDefault(q.Code)));
        var groups = model.IndicatorsOf("OIT").Select(indicator =>
        {
            var ofIndicator = questions.Where(q => q.Indicator == indicator.Code).ToList();
            var sections = indicator.SubIndicators is { Count: > 0 } subs
                ? subs.Select(s => new OitSection(s.Code, s.Name.Th, ofIndicator.Where(q => q.SubIndicator == s.Code).Select(q => q.Code).ToList())).ToList()
                : [];
            var loose = ofIndicator.Where(q => sections.All(s => !s.ItemCodes.Contains(q.Code))).Select(q => q.Code).ToList();
            if (loose.Count > 0)
            {
                sections.Add(new OitSection(indicator.Code, indicator.Name.Th, loose));
            }
            return new OitIndicatorGroup(indicator.Code, indicator.Name.Th, sections);
        }).ToList();
        return new OitChecklistView(round, canEdit, groups, items);
    }

    /// <summary>
    /// Saves items after checking every one; when any is wrong nothing is saved and each item
    /// carries its errors. Returns the saved items as now stored (with their link checks).
    /// </summary>
    public async Task<Outcome<IReadOnlyList<OitItemForm>>> SaveAsync(ClaimsPrincipal user, int roundId, IReadOnlyCollection<OitItemForm> items,
        CancellationToken cancellationToken = default)
    {
        if (await access.VisibleRoundAgencyAsync(user, roundId, cancellationToken) is not { } agencyId
            || !await access.CanEditAsync(user, agencyId, cancellationToken))
        {
            return Outcome<IReadOnlyList<OitItemForm>>.Denied();
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var version = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.SurveyVersionId).SingleAsync(cancellationToken);
        var questions = version is { } id ? Questions(id).ToDictionary(q => q.Code) : [];
        var errors = new FormErrors();
        foreach (var item in items)
        {
            item.Errors = questions.ContainsKey(item.Code) ? item.Validate() : FormErrors.Of("", "ไม่มีข้อนี้ในแบบตรวจ OIT ของปีงบประมาณนี้", $"There is no item {item.Code} in this fiscal year's OIT checklist.");
            if (item.Errors.Any)
            {
                errors.Add(item.Code, $"{item.Code}: {item.Errors[item.Errors.Fields.First()]}");
            }
        }
        if (errors.Any)
        {
            return Outcome<IReadOnlyList<OitItemForm>>.Failed(errors);
        }

        var codes = items.Select(i => i.Code).ToList();
        var stored = await db.OitEvidence.Include(e => e.Urls).Where(e => e.RoundId == roundId && codes.Contains(e.ItemCode))
            .ToDictionaryAsync(e => e.ItemCode, cancellationToken);
        var changes = new List<string>();
        foreach (var item in items)
        {
            var evidence = stored.GetValueOrDefault(item.Code);
            if (evidence is null)
            {
                if (item.Present is null && item.CleanUrls().Count == 0 && item.CleanExplanation() is null)
                {
                    continue;
                }
                evidence = new OitEvidence { RoundId = roundId, ItemCode = item.Code };
                db.OitEvidence.Add(evidence);
                stored[item.Code] = evidence;
            }
            if (Apply(item, evidence))
            {
                evidence.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                changes.Add($"{item.Code}: {PresentName(item.Present)}, {evidence.Urls.Count} URL");
            }
        }
        if (changes.Count > 0)
        {
            db.AuditEntries.Add(audit.Entry(user, "oit.update", agencyId, AgencyDirectory.Truncate($"round {roundId}: " + string.Join("; ", changes))));
            await db.SaveChangesAsync(cancellationToken);
        }
        return Outcome<IReadOnlyList<OitItemForm>>.Done(items.Select(i => ToForm(questions[i.Code], stored.GetValueOrDefault(i.Code))).ToList());
    }

    public static string PresentName(bool? present) => present switch { true => "มี", false => "ไม่มี", null => "ยังไม่ระบุ" };

    /// <summary>Copies the form onto the stored evidence, keeping the rows (and link checks) of URLs that stay.</summary>
    private static bool Apply(OitItemForm item, OitEvidence evidence)
    {
        var urls = item.CleanUrls();
        var labels = item.CleanLabels();
        var explanation = item.CleanExplanation();
        var changed = evidence.Present != item.Present || evidence.Explanation != explanation;
        (evidence.Present, evidence.Explanation) = (item.Present, explanation);
        foreach (var gone in evidence.Urls.Where(u => !urls.Contains(u.Url, StringComparer.Ordinal)).ToList())
        {
            evidence.Urls.Remove(gone);
            changed = true;
        }
        foreach (var url in urls.Where(u => evidence.Urls.All(e => e.Url != u)))
        {
            evidence.Urls.Add(new OitEvidenceUrl { Url = url });
            changed = true;
        }
        foreach (var stored in evidence.Urls.Where(u => !item.KeepStoredLabels && labels.GetValueOrDefault(u.Url) != u.Label))
        {
            stored.Label = labels.GetValueOrDefault(stored.Url);
            changed = true;
        }
        return changed;
    }

    private IReadOnlyList<Question> Questions(int surveyVersionId) => surveys.Version(surveyVersionId).Year.Questionnaire("OIT").Questions;

    private static OitItemForm ToForm(Question question, OitEvidence? evidence) => new()
    {
        Code = question.Code,
        Title = question.Text.Th,
        Present = evidence?.Present,
        Explanation = evidence?.Explanation,
        Urls = evidence?.Urls.OrderBy(u => u.Id).Select(u => new OitUrlEntry
        {
            Text = u.Url, Label = u.Label, StoredUrl = u.Url, LastStatus = u.LastStatus, LastError = u.LastError, LastCheckedAt = u.LastCheckedAt,
            Verdict = StoredVerdict.Of(u),
        }).ToList() ?? [],
    };
}
