using System.Net;
using ItaSurvey.Web.Imports;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Trends;

/// <summary>
/// Our agency with an open-link round in 2566, and another agency in another province (without a
/// round) whose figures must never reach our users. Helpers import official results, answer the
/// questionnaires and fill the OIT checklist.
/// </summary>
public sealed class TrendsWorld() : TwoAgencyWorld(IitMode.OpenLink, otherHasRound: false)
{
    public const string Header = "agency,province,fiscal_year,ind1,ind2,ind3,ind4,ind5,ind6,ind7,ind8,ind9,ind10,total";

    /// <summary>ตราด 2564 as published: total 81.45 (B).</summary>
    public const string Indicators2564 = "93.55,87.72,91.01,87.93,89.52,90.55,88.68,88.58,72.89,65.56";

    /// <summary>The seed report's municipality, 2565: total 87.97 (A).</summary>
    public const string Indicators2565 = "95.63,93.42,87.17,95.37,93.24,95.65,95.93,95.65,53.99,100";

    /// <summary>Imports CSV lines (after the header) as a system administrator would.</summary>
    public async Task ImportAsync(params string[] lines)
    {
        var outcome = await new OfficialResultsImport(Databases, App.Services.GetRequiredService<Auditing.AuditLog>(), App.Services.GetRequiredService<ItaSurvey.Web.Trends.OverviewYearCache>())
            .ImportAsync(new StringReader(Header + "\n" + string.Join("\n", lines)), null, Cancel);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
    }

    /// <summary>Submits complete responses to our round, every answer at the given level index.</summary>
    public async Task AnswerAsync(string instrument, int count, int level)
    {
        var code = instrument == "IIT" ? Ours.IitCode : Ours.EitCode;
        for (var i = 0; i < count; i++)
        {
            var browser = App.NewBrowser();
            var form = await RenderedForm.LoadAsync(browser, $"/go/{instrument.ToLowerInvariant()}/{code}");
            var posted = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete(f => Math.Min(level, form.RadioGroups[f].Count - 1))), Cancel);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
    }

    /// <summary>Answers every OIT item of our 2566 round: the first <paramref name="present"/> items มี, the rest ไม่มี.</summary>
    public async Task SetOitAsync(int present)
    {
        await using var db = await Databases.CreateDbContextAsync(Cancel);
        var existing = await db.OitEvidence.Where(e => e.RoundId == Ours.Id).ToListAsync(Cancel);
        for (var i = 1; i <= 43; i++)
        {
            var item = existing.FirstOrDefault(e => e.ItemCode == $"O{i}");
            if (item is null)
            {
                item = new OitEvidence { RoundId = Ours.Id, ItemCode = $"O{i}" };
                db.OitEvidence.Add(item);
            }
            item.Present = i <= present;
        }
        await db.SaveChangesAsync(Cancel);
    }
}
