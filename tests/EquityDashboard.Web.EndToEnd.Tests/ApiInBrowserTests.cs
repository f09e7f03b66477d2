using System.Text.Json;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace EquityDashboard.Web.EndToEnd.Tests;

/// <summary>The JSON API seen from the browser, as a script on a web page or a user opening the URL would.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ApiInBrowserTests(DashboardFixture app, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Gaps_json_opens_in_the_browser_with_every_governorate()
    {
        var table = await app.Server.Equity.GetTableAsync(new EquityScope(2019));
        await using var page = await app.NewPageAsync(output);

        var response = await page.Page.GotoAsync("/api/gaps?year=2019");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.Headers["content-type"], StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal(table.Governorates.Count, doc.RootElement.GetProperty("governorates").GetArrayLength());
        Assert.Equal(2019, doc.RootElement.GetProperty("year").GetInt32());
        await page.ScreenshotAsync("api-gaps-2019");
    }

    [BrowserFact]
    public async Task Api_requests_from_the_page_context_share_its_origin()
    {
        var trends = await app.Server.Equity.GetTrendsAsync(2019, 2020);
        await using var page = await app.NewPageAsync(output);

        var response = await page.Page.APIRequest.GetAsync("/api/trends?from=2019&to=2020&format=csv");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/csv", response.Headers["content-type"], StringComparison.Ordinal);
        var lines = (await response.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(trends.Count, lines.Length - 1);
    }
}
