using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Exports;

/// <summary>Our open-link round and another agency's, with responses stored as the public forms store them.</summary>
public sealed class ExportWorld() : TwoAgencyWorld(IitMode.OpenLink)
{
    public CompiledQuestionnaire Layout(string instrument) => App.Services.GetRequiredService<SurveyLibrary>().LatestCompiled(2566, instrument);

    /// <summary>
    /// Stores responses to our round: levels from a function of (response, field), capped at the
    /// field's last level (some scales have two); 255 leaves a field unanswered.
    /// </summary>
    public async Task<List<Response>> StoreAsync(string instrument, int count, Func<int, int, byte> level, string? formVersion = null, int? roundId = null)
    {
        var layout = Layout(instrument);
        await using var db = await Databases.CreateDbContextAsync(Cancel);
        var responses = Enumerable.Range(0, count).Select(i => new Response
        {
            RoundId = roundId ?? Ours.Id,
            Instrument = instrument,
            SubmittedOn = new DateOnly(2023, 4, 1).AddDays(i),
            SubmissionKey = Guid.NewGuid(),
            FormVersion = formVersion ?? layout.Fingerprint,
            Answers = [.. Enumerable.Range(0, layout.FieldCount).Select(f => level(i, f) is var l && l == 255 ? l : Math.Min(l, (byte)(layout.LevelCounts[f] - 1)))],
            RespondentGroup = instrument == "EIT" ? (i % 2 == 0 ? "citizen" : "business") : null,
        }).ToList();
        db.Responses.AddRange(responses);
        await db.SaveChangesAsync(Cancel);
        return responses;
    }

    /// <summary>A CSV body: checks the byte order mark and returns the records split on commas (no field here holds one).</summary>
    public static async Task<List<string[]>> CsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return [.. System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))];
    }
}
