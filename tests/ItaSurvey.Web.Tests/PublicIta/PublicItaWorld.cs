using System.Security.Claims;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.PublicIta;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.PublicIta;

/// <summary>
/// Two agencies with a 2566 round each; helpers record OIT evidence through the checklist service
/// (as the OIT page does), store survey responses, switch the public page and read it.
/// </summary>
public sealed class PublicItaWorld() : TwoAgencyWorld(IitMode.OpenLink)
{
    /// <summary>Records items through the checklist service as an agency administrator: code → (present, [(url, label)]).</summary>
    public async Task RecordAsync(params (string Code, bool? Present, (string Url, string? Label)[] Links)[] items)
    {
        var admin = await AdminAsync();
        var forms = items.Select(i => new OitItemForm
        {
            Code = i.Code, Title = "", Present = i.Present,
            Urls = [.. i.Links.Select(l => new OitUrlEntry { Text = l.Url, Label = l.Label })],
        }).ToList();
        var outcome = await WithAsync<OitChecklist, Forms.Outcome<IReadOnlyList<OitItemForm>>>(c => c.SaveAsync(admin, Ours.Id, forms, Cancel));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Fields.Select(f => outcome.Errors[f])));
    }

    /// <summary>Stores evidence straight in the database, as an old row or a hand edit might hold it.</summary>
    public async Task StoreRawAsync(string code, string url, string? label)
    {
        await using var db = await Databases.CreateDbContextAsync(Cancel);
        db.OitEvidence.Add(new OitEvidence { RoundId = Ours.Id, ItemCode = code, Present = true, Urls = [new OitEvidenceUrl { Url = url, Label = label }] });
        await db.SaveChangesAsync(Cancel);
    }

    public Task<ClaimsPrincipal> AdminAsync() => PrincipalAsync(Roles.AgencyAdmin, OurAgencyId);

    public async Task<PublicItaSettings> SetAsync(bool page, bool scores = false, ClaimsPrincipal? user = null)
    {
        user ??= await AdminAsync();
        var outcome = await WithAsync<PublicItaAdmin, Forms.Outcome<PublicItaSettings>>(a => a.SetAsync(user, Ours.Id, page, scores, Cancel));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Fields.Select(f => outcome.Errors[f])));
        return outcome.Value!;
    }

    public async Task<string> PathAsync() => (await SetAsync(true)).Path!;

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(string path)
    {
        var response = await App.NewBrowser().GetAsync(path, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        return (response, new HtmlParser().ParseDocument(html));
    }

    /// <summary>Stores responses to our round, every field at its top level.</summary>
    public async Task StoreResponsesAsync(string instrument, int count)
    {
        var layout = App.Services.GetRequiredService<SurveyLibrary>().LatestCompiled(2566, instrument);
        await using var db = await Databases.CreateDbContextAsync(Cancel);
        db.Responses.AddRange(Enumerable.Range(0, count).Select(i => new Response
        {
            RoundId = Ours.Id, Instrument = instrument, SubmittedOn = new DateOnly(2023, 4, 2), SubmissionKey = Guid.NewGuid(),
            FormVersion = layout.Fingerprint, Answers = [.. layout.LevelCounts.Select(l => (byte)(l - 1))],
            RespondentGroup = instrument == "EIT" ? "citizen" : null,
        }));
        await db.SaveChangesAsync(Cancel);
    }

    public async Task<List<Auditing.AuditEntry>> AuditAsync(string action)
    {
        await using var db = await Databases.CreateDbContextAsync(Cancel);
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).ToListAsync(Cancel);
    }

    public Core.Model.SurveyYear Year2566 => App.Services.GetRequiredService<SurveyLibrary>().Current.Year(2566);
}
