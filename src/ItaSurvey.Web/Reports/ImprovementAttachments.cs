using System.Security.Claims;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.PublicIta;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Sharing;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Reports;

/// <summary>Where the report went: the next year's round, its OIT item and the PDF's stable address.</summary>
public sealed record AttachedReport(int NextRoundId, int FiscalYear, string ItemCode, string ItemTitle, string Url);

/// <summary>
/// "แนบเป็นหลักฐาน OIT ของปีถัดไป": the report as a PDF, stored by the app at a stable address and
/// recorded, in one step, as evidence of the next fiscal year's OIT item on the integrity and
/// transparency measures (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน), which agencies publish
/// their report under. Audited.
/// </summary>
public sealed class ImprovementAttachments(IDbContextFactory<ItaDbContext> databases, ImprovementReportViews views, SurveyLibrary surveys,
    AuditLog audit, IOptions<SiteOptions> site, TimeProvider clock)
{
    /// <summary>The measures item's title, compared without spaces: the item whose title starts so (not its follow-up, "การดำเนินการตามมาตรการ…").</summary>
    public const string MeasuresTitle = "มาตรการส่งเสริมคุณธรรมและความโปร่งใส";

    public static string FileNameOf(int fiscalYear) => $"improvement-report-{fiscalYear}.pdf";

    /// <summary>The OIT item of a year on the measures, or null when the year has none.</summary>
    public static Question? MeasuresItem(SurveyYear year) =>
        year.Questionnaires.GetValueOrDefault("OIT")?.Questions.FirstOrDefault(q => Squeeze(q.Text.Th).StartsWith(MeasuresTitle, StringComparison.Ordinal));

    public async Task<ReportOutcome<AttachedReport>> AttachToNextYearAsync(ClaimsPrincipal user, int roundId, CancellationToken cancellationToken = default)
    {
        var view = await views.LoadAsync(user, roundId, cancellationToken);
        if (view is null || !view.CanEdit)
        {
            return new ReportFailure.Denied();
        }
        if (view.Report is null)
        {
            return new ReportFailure.NoReport();
        }
        var round = view.Round;
        var year = round.FiscalYear + 1;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var next = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.AgencyId == round.AgencyId && r.FiscalYear == year, cancellationToken);
        if (next?.SurveyVersionId is not { } version)
        {
            return new ReportFailure.NoNextRound(year);
        }
        if (MeasuresItem(surveys.Version(version).Year) is not { } item)
        {
            return new ReportFailure.NoMeasuresItem(year);
        }

        var evidence = await db.OitEvidence.Include(e => e.Urls).SingleOrDefaultAsync(e => e.RoundId == next.Id && e.ItemCode == item.Code, cancellationToken);
        if (evidence is null)
        {
            evidence = new OitEvidence { RoundId = next.Id, ItemCode = item.Code };
            db.OitEvidence.Add(evidence);
        }
        // Attaching again replaces the link to this round's earlier PDF; the earlier file stays at its address.
        var earlier = await db.PublishedDocuments.Where(d => d.RoundId == roundId).Select(d => new { d.Token, d.FileName }).ToListAsync(cancellationToken);
        var earlierUrls = earlier.Select(d => site.Value.Absolute(PublishedDocument.PathOf(d.Token, d.FileName))).ToHashSet(StringComparer.Ordinal);
        evidence.Urls.RemoveAll(u => earlierUrls.Contains(u.Url));
        if (evidence.Urls.Count >= OitItemForm.MaxUrls)
        {
            return new ReportFailure.ItemFull(item.Code, OitItemForm.MaxUrls);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var document = new PublishedDocument
        {
            Token = ShortCodes.New(PublishedDocument.TokenLength), RoundId = roundId, FileName = FileNameOf(round.FiscalYear),
            ContentType = "application/pdf", Content = ImprovementPdf.Render(PrintedReport.From(view, surveys)), CreatedAt = now,
        };
        db.PublishedDocuments.Add(document);
        var url = site.Value.Absolute(document.Path);
        evidence.Urls.Add(new OitEvidenceUrl { Url = url, Label = $"รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. {round.FiscalYear} (PDF)" });
        (evidence.Present, evidence.UpdatedAt) = (true, now);
        db.AuditEntries.Add(audit.Entry(user, "report.attach", round.AgencyId,
            $"round {roundId} ({round.FiscalYear}): the improvement report as {document.Path}, evidence of {item.Code} in round {next.Id} ({year})"));
        await db.SaveChangesAsync(cancellationToken);
        return ReportOutcome<AttachedReport>.Done(new AttachedReport(next.Id, year, item.Code, item.Text.Th, url));
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
