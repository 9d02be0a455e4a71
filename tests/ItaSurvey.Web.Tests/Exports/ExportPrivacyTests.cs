using System.Net;
using ItaSurvey.Core.Statistics;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Tests.Api;
using static ItaSurvey.Web.Tests.TwoAgencyWorld;

namespace ItaSurvey.Web.Tests.Exports;

/// <summary>
/// The k rule in every responses export, for both instruments, through the admin pages and the
/// API: fewer than k responses are never exported and the export says why, as the dashboard does.
/// </summary>
public sealed class ExportPrivacyTests : IAsyncLifetime
{
    private readonly ExportWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    public static TheoryData<string, string, string> Exports => new()
    {
        { "admin", "responses.csv", "IIT" }, { "admin", "responses.csv", "EIT" },
        { "admin", "responses.xlsx", "IIT" }, { "admin", "responses.xlsx", "EIT" },
        { "api", "responses.csv", "IIT" }, { "api", "responses.csv", "EIT" },
        { "api", "responses.xlsx", "IIT" }, { "api", "responses.xlsx", "EIT" },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task Four_responses_to_an_instrument_are_withheld_with_the_reason_by_every_responses_export(string channel, string file, string instrument)
    {
        var other = instrument == "IIT" ? "EIT" : "IIT";
        await _world.StoreAsync(instrument, 4, (_, _) => 2);
        await _world.StoreAsync(other, 5, (_, _) => 1);
        _world.App.CloseRounds(); // every response counts: k alone decides, not the IIT blocks of an open round
        var client = channel == "admin"
            ? await _world.BrowserAsync()
            : (await _world.App.ApiUserAsync(Roles.Viewer, _world.Ours.AgencyId)).Client;
        var path = (channel == "admin" ? "/admin" : "/api/v1") + $"/rounds/{_world.Ours.Id}/export/{file}"
            + (file.EndsWith(".csv", StringComparison.Ordinal) ? $"?instrument={instrument}" : "");

        var response = await client.GetAsync(path, Cancel);

        if (file.EndsWith(".csv", StringComparison.Ordinal))
        {
            var reason = channel == "admin"
                ? await ConflictTextAsync(response)
                : await response.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains(channel == "admin" ? "น้อยกว่า 5 คำตอบ" : "fewer than 5 responses", reason, StringComparison.Ordinal);
            Assert.Contains($"{instrument} 4", reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var workbook = Workbook.Read(await response.Content.ReadAsByteArrayAsync(Cancel));
            var withheld = workbook.Sheets[instrument];
            Assert.Equal(2, withheld.Count); // the header, then the reason instead of any row
            Assert.Equal(Privacy.Message(5).Th, withheld[1][0]);
            Assert.All(withheld[1].Skip(1), cell => Assert.True(string.IsNullOrEmpty(cell)));
            Assert.Equal(6, workbook.Sheets[other].Count);
        }
    }

    private static async Task<string> ConflictTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync(Cancel);
    }
}
