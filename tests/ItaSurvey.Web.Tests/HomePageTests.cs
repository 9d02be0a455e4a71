using System.Net;

namespace ItaSurvey.Web.Tests;

public class HomePageTests(SurveyApp factory) : IClassFixture<SurveyApp>
{
    [Fact]
    public async Task The_home_page_speaks_Thai_and_lists_the_fiscal_years_defined()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("<html lang=\"th\">", html, StringComparison.Ordinal);
        Assert.Contains("ปีงบประมาณ พ.ศ. 2566", html, StringComparison.Ordinal);
        Assert.Contains("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", html, StringComparison.Ordinal);
        Assert.Contains("ผ่านดีเยี่ยม", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal); // Thai is sent as UTF-8, not escaped
    }

    [Fact]
    public async Task The_public_home_page_loads_no_Blazor_script()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("blazor.web", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_gets_a_Thai_404_page()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/no/such/page", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ไม่พบหน้าที่ต้องการ", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
