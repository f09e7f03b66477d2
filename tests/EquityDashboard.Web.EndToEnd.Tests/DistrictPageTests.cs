using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using EquityDashboard.Core.Geography;
using EquityDashboard.Web.EndToEnd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EquityDashboard.Web.EndToEnd.Tests;

/// <summary>District pages and the overview's district map in a real browser on the seeded demo database.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DistrictPageTests(DashboardFixture app, ITestOutputHelper output)
{
    /// <summary>Where the screenshots people look at are also saved (outside the repository).</summary>
    private const string ShotsFolder = "/work/shots";

    private static async Task SaveShotAsync(ILocator what, string name)
    {
        Directory.CreateDirectory(ShotsFolder);
        await what.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ShotsFolder, name) });
    }

    [BrowserFact]
    public async Task The_overview_s_district_map_draws_the_101_districts_each_a_link_to_its_page()
    {
        var gazetteer = app.Server.Services.GetRequiredService<Gazetteer>();
        await using var page = await app.NewPageAsync(output);
        await page.OpenAsync("/?year=2019");

        // The governorates' map by default; the control switches to the districts, in the address.
        await Expect(page.Page.Locator("[data-testid=choropleth-map] a[data-testid=map-area]")).ToHaveCountAsync(18);
        await page.TabToAsync("[data-testid=map-choice-districts]");
        await page.Page.Keyboard.PressAsync("Enter");
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"\?year=2019&map=districts$"));
        var map = page.Page.Locator("[data-testid=district-map]");
        var areas = map.Locator("a[data-testid=map-area]");
        await Expect(areas).ToHaveCountAsync(101);
        var pcodes = await areas.EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.pcode)");
        Assert.Equal(gazetteer.Districts.Select(d => d.Pcode).Order(StringComparer.Ordinal), pcodes);
        var hrefs = await areas.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(pcodes.Select(p => $"district/{p}?year=2019"), hrefs);
        // Drawn, not empty: every district has a shape on the screen.
        var sizes = await areas.EvaluateAllAsync<double[]>("links => links.map(a => { const r = a.getBoundingClientRect(); return r.width * r.height; })");
        Assert.All(sizes, s => Assert.True(s > 4, $"a district is drawn {s} px² large"));
        await Expect(map.Locator("[data-testid=map-legend] li")).ToHaveCountAsync(9);
        await page.ScreenshotAsync("district-map", map);
        await SaveShotAsync(page.Page.Locator(".panels > .card").First, "overview-district-map.png");
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }

    [BrowserFact]
    public async Task From_Ninewa_s_district_map_a_district_page_opens_by_keyboard_and_is_accessible()
    {
        await using var page = await app.NewPageAsync(output);
        await page.OpenAsync("/governorate/IQG15?year=2019");

        await page.TabToAsync("[data-testid=district-map] a[data-pcode=IQG15Q07]");
        await Expect(page.Page.Locator("[data-testid=district-map] a[data-pcode=IQG15Q07]")).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"/district/IQG15Q07\?year=2019$"));
        await page.Page.Locator("[data-testid=district][data-ready=true]").WaitForAsync();
        await Expect(page.Page.Locator("[data-testid=district-name]")).ToContainTextAsync("Sinjar");
        await Expect(page.Page.Locator("[data-testid=governorate-link]")).ToHaveAttributeAsync("href", "governorate/IQG15?year=2019");
        // Its small map: Ninewa's nine districts, this one the page's own.
        await Expect(page.Page.Locator("[data-testid=district-map] a[data-testid=map-area]")).ToHaveCountAsync(9);
        await Expect(page.Page.Locator("[data-testid=district-map] a[aria-current=page]")).ToHaveAttributeAsync("data-pcode", "IQG15Q07");
        await Expect(page.Page.Locator("[data-testid=not-specified-share]")).ToContainTextAsync("In Ninewa, ");

        var axe = await page.Page.RunAxe();
        Assert.True(axe.Violations.Length == 0,
            string.Join("\n", axe.Violations.Select(v => $"{v.Id} ({v.Impact}) {v.Help}: {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")));
        await page.Page.SetViewportSizeAsync(1280, 900);
        await SaveShotAsync(page.Page.Locator("main"), "district-page.png");
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }

    [BrowserFact]
    public async Task Names_in_the_address_go_to_the_P_code_s_page_and_an_unknown_one_points_to_the_closest()
    {
        await using var page = await app.NewPageAsync(output);

        // A name, a variant spelling, the Arabic name: each goes on to the P-code's address, with its query.
        foreach (var spelling in new[] { "Hawija", "Al-Hawiga", "Al Hawiga", "الحويجة" })
        {
            await page.OpenAsync($"/district/{Uri.EscapeDataString(spelling)}?year=2019");
            await Expect(page.Page).ToHaveURLAsync(new Regex(@"/district/IQG13Q01\?year=2019$"));
            await Expect(page.Page.Locator("[data-testid=district-name]")).ToContainTextAsync("Al-Hawiga");
        }

        // "Hawijeh" is no spelling in the gazetteer: a 404 whose message links Al-Hawiga, opened by keyboard.
        var response = await page.OpenAsync("/district/Hawijeh?year=2019");
        Assert.Equal(404, response.Status);
        await Expect(page.Page.Locator("[data-testid=not-found]")).ToContainTextAsync("There is no district 'Hawijeh'.");
        await page.TabToAsync("[data-testid=suggestions] a[href^='district/IQG13Q01']");
        await page.Page.Keyboard.PressAsync("Enter");
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"/district/IQG13Q01\?year=2019$"));
        await Expect(page.Page.Locator("[data-testid=district-name]")).ToContainTextAsync("Al-Hawiga");
        await Expect(page.Page.Locator("[data-testid=district-name]")).ToContainTextAsync("الحويجة");
        // The browser logs the 404 of the document it was asked for; nothing else went wrong.
        var errors = page.Errors.Where(e => !e.Contains("status of 404", StringComparison.Ordinal) || !e.Contains("/district/Hawijeh", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
