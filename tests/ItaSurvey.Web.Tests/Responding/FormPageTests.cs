using System.Net;
using AngleSharp.Html.Parser;

namespace ItaSurvey.Web.Tests.Responding;

public class FormPageTests : IAsyncLifetime
{
    private readonly SurveyApp _app = new();
    private TestRound _round = null!;

    public async ValueTask InitializeAsync() => _round = await _app.CreateRoundAsync(Rounds.IitMode.OpenLink);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_EIT_form_shows_the_agency_the_Buddhist_year_the_purpose_and_the_confidentiality_statement()
    {
        var form = await RenderedForm.LoadAsync(_app.NewBrowser(), $"/go/eit/{_round.EitCode}");
        var text = form.Document.Body!.TextContent;

        Assert.Equal("th", form.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("เทศบาลตำบลคลองวาฬ · ปีงบประมาณ พ.ศ. 2566", text, StringComparison.Ordinal);
        Assert.Contains("คำตอบของท่านเป็นความลับ", text, StringComparison.Ordinal);
        Assert.Contains("ใช้เวลาประมาณ", text, StringComparison.Ordinal);
        Assert.Contains("ในฐานะใด", text, StringComparison.Ordinal); // EIT asks how the respondent contacted the agency
        Assert.Equal(["citizen", "business", "agency", "none"], form.RadioGroups["_capacity"]);
        Assert.Equal(18, form.AnswerFields.Count());
    }

    [Fact]
    public async Task Every_answer_is_a_labelled_radio_inside_a_fieldset_with_a_legend()
    {
        var form = await RenderedForm.LoadAsync(_app.NewBrowser(), $"/go/iit/{_round.IitCode}");
        var radios = form.Document.QuerySelectorAll("form input[type=radio]");

        Assert.Equal(51, form.AnswerFields.Count());
        Assert.All(radios, radio =>
        {
            Assert.Equal("LABEL", radio.ParentElement!.TagName);
            Assert.False(string.IsNullOrWhiteSpace(radio.ParentElement.TextContent));
            var fieldset = radio.Closest("fieldset");
            Assert.NotNull(fieldset);
            Assert.False(string.IsNullOrWhiteSpace(fieldset.QuerySelector("legend")?.TextContent));
        });
        Assert.Equal(30, form.Document.QuerySelectorAll("fieldset.q[id^='q-']").Length);
    }

    [Fact]
    public async Task The_IIT_form_asks_to_confirm_a_year_of_service()
    {
        var form = await RenderedForm.LoadAsync(_app.NewBrowser(), $"/go/iit/{_round.IitCode}");

        var checkbox = form.Document.QuerySelector("input[type=checkbox][name=_service]");
        Assert.NotNull(checkbox);
        Assert.Contains("ไม่น้อยกว่า 1 ปี", checkbox.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_load_of_the_largest_form_with_its_stylesheet_is_under_60_KB_and_needs_no_script()
    {
        var browser = _app.NewBrowser();

        var html = await browser.GetByteArrayAsync($"/go/iit/{_round.IitCode}", TestContext.Current.CancellationToken);
        var document = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(html));
        var css = 0;
        foreach (var link in document.QuerySelectorAll("link[rel=stylesheet]"))
        {
            css += (await browser.GetByteArrayAsync(link.GetAttribute("href"), TestContext.Current.CancellationToken)).Length;
        }

        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.True(html.Length + css < 60 * 1024, $"page {html.Length} B + stylesheet {css} B");
    }

    [Fact]
    public async Task The_English_switch_shows_English_texts_and_keeps_the_Buddhist_year()
    {
        var form = await RenderedForm.LoadAsync(_app.NewBrowser(), $"/go/eit/{_round.EitCode}?lang=en");
        var text = form.Document.Body!.TextContent;

        Assert.Equal("en", form.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Fiscal year 2566 BE", text, StringComparison.Ordinal);
        Assert.Contains("Your answers are confidential", text, StringComparison.Ordinal);
        Assert.EndsWith("?lang=en", form.Action, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/go/eit/ZZZZZZ")]
    [InlineData("/go/eit/abc")]
    public async Task An_unknown_code_gets_a_Thai_404_page(string url)
    {
        var response = await _app.NewBrowser().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ไม่พบแบบวัดนี้", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>
    /// Intended (issue 18, item 12b): codes are typed from posters and slips, so a link code in
    /// lower case, or with the slip's dash and spaces, opens the same form; the form posts to the
    /// canonical upper-case link.
    /// </summary>
    [Theory]
    [InlineData("eit")]
    [InlineData("iit")]
    public async Task A_link_code_typed_in_lower_case_opens_the_same_form(string instrument)
    {
        var code = instrument == "eit" ? _round.EitCode : _round.IitCode;

        var form = await RenderedForm.LoadAsync(_app.NewBrowser(), $"/go/{instrument}/{code.ToLowerInvariant()}");

        Assert.StartsWith($"/go/{instrument}/{code}", form.Action, StringComparison.Ordinal);
        Assert.NotEmpty(form.AnswerFields);
    }

    [Fact]
    public async Task An_EIT_code_under_the_IIT_path_is_not_found()
    {
        var response = await _app.NewBrowser().GetAsync($"/go/iit/{_round.EitCode}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_round_not_yet_open_says_so_with_its_dates_in_the_Buddhist_Era()
    {
        var later = await _app.CreateRoundAsync(opens: new DateOnly(2023, 7, 1), closes: new DateOnly(2023, 8, 31));

        var html = await _app.NewBrowser().GetStringAsync($"/go/eit/{later.EitCode}", TestContext.Current.CancellationToken);

        Assert.Contains("แบบวัดนี้ยังไม่เปิดรับคำตอบ", html, StringComparison.Ordinal);
        Assert.Contains("1 กรกฎาคม 2566", html, StringComparison.Ordinal);
        Assert.Contains("31 สิงหาคม 2566", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_round_says_so()
    {
        _app.Clock.Advance(TimeSpan.FromDays(90));

        var html = await _app.NewBrowser().GetStringAsync($"/go/eit/{_round.EitCode}", TestContext.Current.CancellationToken);

        Assert.Contains("แบบวัดนี้ปิดรับคำตอบแล้ว", html, StringComparison.Ordinal);
        Assert.Contains("30 มิถุนายน 2566", html, StringComparison.Ordinal);
    }
}
