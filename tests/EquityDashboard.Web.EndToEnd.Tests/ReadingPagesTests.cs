using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EquityDashboard.Web.EndToEnd.Tests;

/// <summary>
/// The read-only pages as a reader on a weak connection gets them: the figures in the first HTML
/// answer, no WebSocket, enhanced navigation between pages, every journey by keyboard alone, and
/// no serious or critical accessibility violation (axe) on any page.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ReadingPagesTests(DashboardFixture app, ITestOutputHelper output)
{
    private static readonly string[] ReadingPages = ["/", "/trends", "/governorate/IQG02", "/district/IQG15Q05", "/methodology"];

    [BrowserFact]
    public async Task Reading_pages_come_whole_in_the_first_answer_and_open_no_websocket()
    {
        var table = await app.Server.Equity.GetTableAsync(new EquityScope(2019));
        await using var page = await app.NewPageAsync(output);
        var sockets = new List<string>();
        page.Page.WebSocket += (_, socket) => sockets.Add(socket.Url);

        var response = await page.OpenAsync("/?year=2019");
        var html = await response.TextAsync();
        Assert.Contains(Money.Full(table.TotalFundingUsd), html, StringComparison.Ordinal);
        Assert.Contains("data-ready=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("MudBlazor.min.js", html, StringComparison.Ordinal);

        // Enhanced navigation: the next pages replace this one in place, without a reload.
        await page.Page.EvaluateAsync("() => window.__samePage = true");
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Regions and trends", Exact = true }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex("/trends$"));
        await page.Page.Locator("[data-testid=trends][data-ready=true]").WaitForAsync();
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Methodology", Exact = true }).ClickAsync();
        await page.Page.Locator("[data-testid=methodology]").WaitForAsync();
        Assert.True(await page.Page.EvaluateAsync<bool>("() => window.__samePage === true"), "the page was reloaded");

        foreach (var path in ReadingPages) await page.OpenAsync(path);
        Assert.Empty(sockets);

        // A governorate page lists its districts: Ninewa's nine, in the first answer too.
        var ninewa = await (await page.OpenAsync("/governorate/IQG15?year=2019")).TextAsync();
        Assert.Equal(9, Regex.Matches(ninewa, "data-testid=\"district-row\"").Count);
        await Expect(page.Page.Locator("[data-testid=district-row]")).ToHaveCountAsync(9);
        // Its district map: nine areas, each a link to its district page (opened by keyboard in DistrictPageTests).
        var districtAreas = page.Page.Locator("[data-testid=district-map] a[data-testid=map-area]");
        await Expect(districtAreas).ToHaveCountAsync(9);
        await page.ScreenshotAsync("governorate-districts");

        // The Data page, where people edit, is the one on a live circuit.
        await page.OpenAsync("/data");
        Assert.Contains(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }

    [BrowserFact]
    public async Task Filters_sorting_columns_map_and_download_work_by_keyboard_alone()
    {
        await using var page = await app.NewPageAsync(output);
        await page.OpenAsync("/?year=2019");

        // Filters: arrows choose without reloading, Apply applies.
        await page.TabToAsync("select[data-testid=year]");
        await page.Page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("2020", await page.Page.InputValueAsync("select[data-testid=year]"));
        Assert.Contains("year=2019", page.Page.Url, StringComparison.Ordinal);
        await page.TabToAsync("[data-testid=apply]");
        await page.Page.Keyboard.PressAsync("Enter");
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"[?&]year=2020"));
        await Expect(page.Page.Locator("select[data-testid=year]")).ToHaveValueAsync("2020");

        // Sorting: a header is a link.
        await page.TabToAsync("[data-testid=sort-funding]");
        await page.Page.Keyboard.PressAsync("Enter");
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"sort=funding&order=desc"));
        await Expect(page.Page.Locator("th[data-column=funding]")).ToHaveAttributeAsync("aria-sort", "descending");

        // Columns: open the disclosure, untick Orgs, apply; the sort stays.
        await page.TabToAsync("[data-testid=column-menu] summary");
        await page.Page.Keyboard.PressAsync("Enter");
        await page.TabToAsync("input[data-column=orgs]");
        await page.Page.Keyboard.PressAsync("Space");
        await page.TabToAsync("[data-testid=apply-columns]");
        await page.Page.Keyboard.PressAsync("Enter");
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"col=-"));
        await Expect(page.Page.Locator("th[data-column=orgs]")).ToHaveCountAsync(0);
        await Expect(page.Page.Locator("th[data-column=funding]")).ToHaveAttributeAsync("aria-sort", "descending");

        // The map: a governorate is a link to its page, with the filters.
        await page.TabToAsync("[data-testid=map-area][data-pcode=IQG02]");
        await page.Page.Keyboard.PressAsync("Enter");
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"/governorate/IQG02\?year=2020"));
        await page.Page.Locator("[data-testid=governorate][data-ready=true]").WaitForAsync();

        // The briefing downloads from the keyboard.
        await page.TabToAsync("[data-testid=download-briefing]");
        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.Keyboard.PressAsync("Enter"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await page.ScreenshotAsync("keyboard-journey");
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }

    [BrowserFact]
    public async Task No_page_has_a_serious_or_critical_accessibility_violation()
    {
        await using var page = await app.NewPageAsync(output);
        var found = new List<string>();
        async Task CheckAsync(string path, string? ready = null)
        {
            if (ready is null) await page.OpenAsync(path);
            else
            {
                await page.Page.GotoAsync(path);
                await page.Page.Locator(ready).WaitForAsync();
            }
            var result = await page.Page.RunAxe();
            // Serious and critical ones, and headings out of order (moderate for axe, but it breaks the outline screen readers navigate by).
            foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical" || v.Id == "heading-order"))
                found.Add($"{path}: {v.Id} ({v.Impact}) {v.Help}: {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}");
            output.WriteLine($"{path}: {result.Violations.Length} violations, {result.Passes.Length} passes");
        }

        foreach (var path in ReadingPages.Append("/?year=2019&sort=funding&order=desc&col=-&col=incidents").Append("/?year=2019&map=tiles").Append("/?year=2019&map=districts").Append("/district/Hawijeh").Append("/?year=abc"))
            await CheckAsync(path);
        await CheckAsync("/data");
        await CheckAsync("/account/sign-in", "[data-testid=sign-in-form]");
        await page.SignInAsync(DashboardFixture.Admin, returnTo: "/data");
        await CheckAsync("/account/profile", "[data-testid=profile-who]");
        await CheckAsync("/admin/audit", "[data-testid=audit-table]");

        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
