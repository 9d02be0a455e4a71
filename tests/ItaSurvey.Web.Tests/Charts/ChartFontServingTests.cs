using System.Text.Json;

namespace ItaSurvey.Web.Tests.Charts;

public class ChartFontServingTests
{
    // The app serves wwwroot through MapStaticAssets, whose build manifest travels with the app.
    [Theory]
    [InlineData("fonts/itasurveysans-regular.woff2")]
    [InlineData("fonts/itasurveysans-bold.woff2")]
    public void The_web_font_that_chart_svgs_declare_is_a_static_asset_served_as_woff2(string route)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ItaSurvey.Web.staticwebassets.endpoints.json")));

        var endpoint = manifest.RootElement.GetProperty("Endpoints").EnumerateArray()
            .Single(e => e.GetProperty("Route").GetString() == route && e.GetProperty("Selectors").GetArrayLength() == 0);
        var headers = endpoint.GetProperty("ResponseHeaders").EnumerateArray()
            .ToDictionary(h => h.GetProperty("Name").GetString()!, h => h.GetProperty("Value").GetString());
        Assert.Equal("font/woff2", headers["Content-Type"]);
        Assert.True(int.Parse(headers["Content-Length"]!, System.Globalization.CultureInfo.InvariantCulture) > 10_000);
    }
}
