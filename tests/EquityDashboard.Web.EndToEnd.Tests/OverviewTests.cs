using System.Text.RegularExpressions;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure;
using EquityDashboard.Web.EndToEnd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EquityDashboard.Web.EndToEnd.Tests;

/// <summary>The landing page in a real browser on the seeded demo database.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OverviewTests(DashboardFixture app, ITestOutputHelper output)
{
    private async Task<EquityTable> DefaultTableAsync()
    {
        var options = app.Server.Services.GetRequiredService<IOptions<EquityOptions>>().Value;
        var year = options.DefaultYear ?? await app.Server.Equity.LatestCompleteYearAsync();
        Assert.NotNull(year);
        return await app.Server.Equity.GetTableAsync(new EquityScope(year.Value));
    }

    [BrowserFact]
    public async Task Landing_page_shows_the_default_year_with_the_under_served_governorates_flagged()
    {
        var table = await DefaultTableAsync();
        var expected = table.Governorates.Where(g => g.HasFlag(FlagCodes.UnderServed)).Select(g => g.Key).Order().ToList();
        // The demo data is there to show the neglected South.
        Assert.Contains(expected, pcode => table.Governorates.Single(g => g.Key == pcode).Region == Regions.South);
        await using var page = await app.NewPageAsync(output);

        await page.OpenAsync("/");

        Assert.Contains(table.Scope.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Page.TitleAsync(), StringComparison.Ordinal);
        var rows = page.Page.Locator("[data-testid='gap-table'] tbody tr");
        Assert.Equal(table.Governorates.Count, await rows.CountAsync());
        var flagged = await rows.Filter(new() { Has = page.Page.Locator("[data-flag='under-served']") })
            .Locator("th a[title]").EvaluateAllAsync<string[]>("links => links.map(a => a.title)");
        Assert.Equal(expected, flagged.Order());
        var south = table.Regions.Single(r => r.Key == Regions.South);
        var southChips = await page.Page.Locator($"[data-testid='region-table'] tr[data-region='{Regions.South}'] [data-flag]")
            .EvaluateAllAsync<string[]>("chips => chips.map(c => c.dataset.flag)");
        Assert.Equal(south.Flags.Select(f => f.Code), southChips);
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }

    [BrowserFact]
    public async Task The_map_shows_the_18_governorates_and_opens_one_by_keyboard()
    {
        await using var page = await app.NewPageAsync(output);
        await page.OpenAsync("/?year=2019");

        var map = page.Page.Locator("[data-testid=choropleth-map]");
        var areas = map.Locator("a[data-testid=map-area]");
        await Expect(areas).ToHaveCountAsync(18);
        var pcodes = await areas.EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.pcode)");
        Assert.Equal(Enumerable.Range(1, 18).Select(i => $"IQG{i:00}"), pcodes);
        // Drawn, not empty: every governorate has a shape on the screen.
        var sizes = await areas.EvaluateAllAsync<double[]>("links => links.map(a => { const r = a.getBoundingClientRect(); return r.width * r.height; })");
        Assert.All(sizes, s => Assert.True(s > 50, $"a governorate is drawn {s} px² large"));
        await Expect(map.Locator("[data-testid=map-legend] li")).ToHaveCountAsync(9);
        await page.ScreenshotAsync("map", map);

        // Al-Basrah by keyboard: Tab to it (the focus shows), Enter opens it with the filters.
        await page.TabToAsync("[data-testid=map-area][data-pcode=IQG02]");
        await Expect(map.Locator("[data-pcode=IQG02]")).ToBeFocusedAsync();
        var stroke = await map.Locator("[data-pcode=IQG02] path").EvaluateAsync<string>("p => getComputedStyle(p).strokeWidth");
        Assert.Equal("4px", stroke);
        await page.ScreenshotAsync("map-basrah-focused", map);
        await page.Page.Keyboard.PressAsync("Enter");
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"/governorate/IQG02\?year=2019$"));
        await page.Page.Locator("[data-testid=governorate][data-ready=true]").WaitForAsync();
        await Expect(page.Page.Locator("[data-testid=governorate-name]")).ToContainTextAsync("Al-Basrah");
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }
}
