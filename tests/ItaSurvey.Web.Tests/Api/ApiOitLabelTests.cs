using ItaSurvey.Web.Accounts;

namespace ItaSurvey.Web.Tests.Api;

/// <summary>
/// The labels of evidence links (the document names on the public ITA page) through the OIT API: a
/// client that does not send labels, such as one written before they existed, must not wipe the
/// ones an administrator typed on the OIT page.
/// </summary>
public class ApiOitLabelTests : IAsyncLifetime
{
    private const string Plan = "https://www.khlongwan.example/plan.pdf";
    private const string Page = "https://www.khlongwan.example/ita/o4";
    private readonly SurveyApp _app = new();
    private TestRound _round = null!;
    private ApiUser _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _round = await _app.CreateRoundAsync();
        _admin = await _app.ApiUserAsync(Roles.AgencyAdmin, _round.AgencyId);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private string O4 => $"/api/v1/rounds/{_round.Id}/oit/O4";

    private async Task<Dictionary<string, string?>> PutAsync(object body)
    {
        var item = await (await _admin.Client.SendJsonAsync(HttpMethod.Put, O4, body)).JsonAsync();
        return item.GetProperty("urls").EnumerateArray().ToDictionary(u => u.GetProperty("url").GetString()!, u => u.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Labels_left_out_keep_the_stored_ones_of_urls_that_stay_and_new_urls_get_none()
    {
        await PutAsync(new { present = true, urls = new[] { Plan, Page }, labels = new[] { "แผนพัฒนาท้องถิ่น", "หน้า ITA" } });

        var after = await PutAsync(new { present = true, urls = new[] { Plan, "https://www.khlongwan.example/new.pdf" }, explanation = "ปรับปรุง" });

        Assert.Equal(2, after.Count);
        Assert.Equal("แผนพัฒนาท้องถิ่น", after[Plan]);
        Assert.Null(after["https://www.khlongwan.example/new.pdf"]);
    }

    [Fact]
    public async Task An_empty_list_of_labels_clears_them_and_a_given_one_replaces_the_stored_one()
    {
        await PutAsync(new { present = true, urls = new[] { Plan, Page }, labels = new[] { "แผนพัฒนาท้องถิ่น", "หน้า ITA" } });

        var replaced = await PutAsync(new { present = true, urls = new[] { Plan, Page }, labels = new[] { "แผน 2566-2570" } });
        Assert.Equal("แผน 2566-2570", replaced[Plan]);
        Assert.Null(replaced[Page]);

        var cleared = await PutAsync(new { present = true, urls = new[] { Plan, Page }, labels = Array.Empty<string>() });
        Assert.All(cleared.Values, Assert.Null);
    }
}
