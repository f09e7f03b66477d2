using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure;
using EquityDashboard.Web.EndToEnd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

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
}
