using System.Net;
using ItaSurvey.Web.Accounts;
using static ItaSurvey.Web.Tests.Api.ApiTesting;

namespace ItaSurvey.Web.Tests.Api;

/// <summary>Closing a round early and extending it through PATCH /api/v1/rounds/{id}, with the page's rules.</summary>
public class ApiRoundChangeTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();
    private TestRound _round = null!;
    private ApiUser _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink); // 1 April - 30 June 2023; today is 2 May 2023
        _admin = await _app.ApiUserAsync(Roles.AgencyAdmin, _round.AgencyId);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<HttpResponseMessage> PatchAsync(HttpClient client, object body, int? round = null) =>
        client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/rounds/{round ?? _round.Id}", body);

    [Fact]
    public async Task Closing_early_counts_every_IIT_response_and_closes_the_forms_and_extending_holds_IIT_back_again()
    {
        // Two whole blocks of k = 5 and one more: an open round counts the first block only.
        for (var i = 0; i < 11; i++)
        {
            var browser = _app.NewBrowser();
            var form = await RenderedForm.LoadAsync(browser, $"/go/iit/{_round.IitCode}");
            Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Complete()), Cancel)).StatusCode);
        }
        var open = await ResultsAsync();

        var closed = await (await PatchAsync(_admin.Client, new { closesOn = "2023-05-01" })).JsonAsync();
        var afterClosing = await ResultsAsync();
        var form2 = await _app.NewBrowser().GetStringAsync($"/go/eit/{_round.EitCode}", Cancel);
        await (await PatchAsync(_admin.Client, new { closesOn = "2023-07-31" })).JsonAsync();
        var extended = await ResultsAsync();

        Assert.Equal((5, true), open);
        Assert.Equal("2023-05-01", closed.GetProperty("closesOn").GetString());
        Assert.Equal("2023-04-01", closed.GetProperty("opensOn").GetString());
        Assert.Equal("openLink", closed.GetProperty("iitMode").GetString());
        Assert.Equal((11, false), afterClosing);
        Assert.Contains("ปิดรับคำตอบแล้ว", form2, StringComparison.Ordinal);
        Assert.Equal((5, true), extended);
        var audit = await _app.AuditAsync(_round.AgencyId);
        Assert.Equal(["round.update", "round.update"], audit.Select(e => e.Action));
        Assert.Contains("2023-06-30", audit[0].Details, StringComparison.Ordinal);
        Assert.Contains("2023-05-01", audit[0].Details, StringComparison.Ordinal);
    }

    private async Task<(long Scored, bool HeldBack)> ResultsAsync()
    {
        var results = await (await _admin.Client.GetAsync($"/api/v1/rounds/{_round.Id}/results", Cancel)).JsonAsync();
        return (results.GetProperty("iitScored").GetInt64(), results.GetProperty("iitHeldBack").ValueKind == System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public async Task The_IIT_mode_changes_and_fields_left_out_keep_their_value()
    {
        var changed = await (await PatchAsync(_admin.Client, new { iitMode = "singleUseCodes" })).JsonAsync();

        Assert.Equal("singleUseCodes", changed.GetProperty("iitMode").GetString());
        Assert.Equal("2023-06-30", changed.GetProperty("closesOn").GetString());
        var codes = await _admin.Client.PostJsonAsync($"/api/v1/rounds/{_round.Id}/access-codes", new { count = 1 });
        Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
    }

    [Fact]
    public async Task A_round_cannot_close_before_it_opens_and_every_bad_field_is_named_in_English_and_Thai()
    {
        var backwards = await PatchAsync(_admin.Client, new { opensOn = "2023-05-10", closesOn = "2023-05-01" });
        var garbled = await PatchAsync(_admin.Client, new { opensOn = "2566-04-01", closesOn = "1 May", iitMode = "codes" });

        var fields = await backwards.InvalidFieldsAsync();
        Assert.Equal(["closesOn"], fields.Keys);
        Assert.Equal("The round cannot close before it opens.", fields["closesOn"].En);
        Assert.Equal("วันปิดต้องไม่ก่อนวันเปิดรับคำตอบ", fields["closesOn"].Th);
        var many = await garbled.InvalidFieldsAsync();
        Assert.Equal(["closesOn", "iitMode", "opensOn"], many.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Buddhist Era", many["opensOn"].En, StringComparison.Ordinal);
        Assert.Contains("พุทธศักราช", many["opensOn"].Th, StringComparison.Ordinal);
        Assert.Empty(await _app.AuditAsync(_round.AgencyId));
    }

    [Fact]
    public async Task Another_agencys_round_answers_404_and_a_viewer_gets_403_and_neither_changes_it()
    {
        var other = await _app.CreateRoundAsync();
        var viewer = await _app.ApiUserAsync(Roles.Viewer, _round.AgencyId);

        var theirs = await PatchAsync(_admin.Client, new { closesOn = "2023-05-01" }, other.Id);
        var missing = await PatchAsync(_admin.Client, new { closesOn = "2023-05-01" }, 999);
        var read = await PatchAsync(viewer.Client, new { closesOn = "2023-05-01" });

        await theirs.ProblemJsonAsync(HttpStatusCode.NotFound);
        await missing.ProblemJsonAsync(HttpStatusCode.NotFound);
        await read.ProblemJsonAsync(HttpStatusCode.Forbidden);
        var round = await (await _admin.Client.GetAsync($"/api/v1/rounds/{_round.Id}", Cancel)).JsonAsync();
        Assert.Equal("2023-06-30", round.GetProperty("closesOn").GetString());
        Assert.Empty(await _app.AuditAsync(_round.AgencyId));
        Assert.Empty(await _app.AuditAsync(other.AgencyId));
    }
}
