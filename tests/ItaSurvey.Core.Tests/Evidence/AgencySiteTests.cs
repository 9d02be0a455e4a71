using ItaSurvey.Core.Evidence;

namespace ItaSurvey.Core.Tests.Evidence;

public class AgencySiteTests
{
    [Theory]
    [InlineData("https://www.khlongwan.go.th/ita/o1", true)]
    [InlineData("https://khlongwan.go.th/", true)]
    [InlineData("https://ita.khlongwan.go.th/2566", true)]
    [InlineData("https://drive.google.com/file/d/1/view", false)]
    [InlineData("https://notkhlongwan.go.th/", false)]
    public void A_host_is_on_the_site_when_it_is_the_domain_or_under_it(string url, bool expected) =>
        Assert.Equal(expected, AgencySite.IsOn(new Uri(url), ["https://www.KhlongWan.go.th/"]));

    [Fact]
    public void Without_domains_nothing_is_said() => Assert.Null(AgencySite.IsOn(new Uri("https://x.go.th"), []));

    [Theory]
    [InlineData(" WWW.Khlongwan.go.th. ", "khlongwan.go.th")]
    [InlineData("http://khlongwan.go.th:8080/ita", "khlongwan.go.th")]
    [InlineData("เทศบาล.ไทย", "xn--o3cg7ak5c9d.xn--o3cw4h")]
    [InlineData("not a domain", "")]
    [InlineData("localhost", "")]
    public void Domains_are_stored_evened_out(string typed, string stored) => Assert.Equal(stored, AgencySite.Normalize(typed));
}
