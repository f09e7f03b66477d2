using System.Text.RegularExpressions;
using EquityDashboard.Web.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EquityDashboard.Web.EndToEnd.Tests;

/// <summary>
/// What a newcomer sees on a laptop (1280 by 800) and a phone (390 by 844): the gap table's default
/// columns, flags included, inside its box and the screen; the other columns one choice away; the
/// page never wider than the screen.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LayoutTests(DashboardFixture app, ITestOutputHelper output)
{
    private static readonly string[] DefaultColumns = ["name", "need", "funding", "ratio", "usd-per-person", "gap", "orgs", "flags"];

    private sealed record Box(double X, double Y, double Width, double Height)
    {
        public double Right => X + Width;
    }

    private static async Task<Box> BoxAsync(ILocator element) =>
        await element.BoundingBoxAsync() is { } b ? new Box(b.X, b.Y, b.Width, b.Height) : throw new InvalidOperationException("The element is not laid out.");

    /// <summary>How far the page is wider than the screen, in CSS pixels (0: not at all).</summary>
    private static Task<int> PageOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth - window.innerWidth");

    [BrowserFact]
    public async Task At_1280_pixels_the_gap_tables_default_columns_and_flags_fit_inside_its_box()
    {
        await using var page = await app.NewPageAsync(output, 1280, 800);
        await page.OpenAsync("/?year=2019");

        var headers = page.Page.Locator("[data-testid=gap-table] thead th");
        Assert.Equal(DefaultColumns, await headers.EvaluateAllAsync<string[]>("ths => ths.map(th => th.dataset.column)"));
        var scroll = page.Page.Locator("[data-testid=gap-table-scroll]");
        var box = await BoxAsync(scroll);
        Assert.True(box.Right <= 1280, $"the table's box ends at {box.Right} px, past the screen");
        var overflow = await scroll.EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth");
        Assert.True(overflow <= 0, $"the gap table is {overflow} px wider than its box");
        foreach (var key in DefaultColumns)
        {
            var th = await BoxAsync(page.Page.Locator($"[data-testid=gap-table] thead th[data-column={key}]"));
            Assert.True(th.X >= box.X - 0.5 && th.Right <= box.Right + 0.5, $"column {key} spans {th.X}-{th.Right} px, outside the box {box.X}-{box.Right} px");
        }
        // Every flag chip, in every row, is on screen.
        var chips = page.Page.Locator("[data-testid=gap-table] td.flags [data-flag]");
        Assert.True(await chips.CountAsync() > 0, "the demo data flags no governorate");
        foreach (var chip in await chips.AllAsync())
        {
            var c = await BoxAsync(chip);
            Assert.True(c.X >= box.X && c.Right <= box.Right, $"a flag chip spans {c.X}-{c.Right} px, outside the box");
        }
        Assert.Equal(0, Math.Max(0, await PageOverflowAsync(page.Page)));
        await page.ScreenshotAsync("layout-1280-overview");

        // A governorate's district table fits too.
        await page.OpenAsync("/governorate/IQG15?year=2019");
        var districts = page.Page.Locator("[data-testid=districts-scroll]");
        Assert.True(await districts.EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth") <= 0, "the district table is wider than its box");
        Assert.Equal(0, Math.Max(0, await PageOverflowAsync(page.Page)));
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }

    [BrowserFact]
    public async Task A_column_chosen_with_the_columns_control_shows_and_the_address_keeps_it()
    {
        await using var page = await app.NewPageAsync(output, 1280, 800);
        await page.OpenAsync("/?year=2019");
        await Expect(page.Page.Locator("th[data-column=region]")).ToHaveCountAsync(0);

        await page.TabToAsync("[data-testid=column-menu] summary");
        await page.Page.Keyboard.PressAsync("Enter");
        var region = page.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Region", Exact = true });
        await Expect(region).Not.ToBeCheckedAsync();
        await page.TabToAsync("input[data-column=region]");
        await page.Page.Keyboard.PressAsync("Space");
        await page.TabToAsync("[data-testid=apply-columns]");
        await page.Page.Keyboard.PressAsync("Enter");

        await Expect(page.Page).ToHaveURLAsync(new Regex(@"[?&]col=region(&|$)"));
        await Expect(page.Page.Locator("th[data-column=region]")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("[data-testid=gap-table] tbody tr").First.Locator("td").First).Not.ToBeEmptyAsync();
        // The default columns stay, and a copied address opens the same view.
        var shown = await page.Page.Locator("[data-testid=gap-table] thead th").EvaluateAllAsync<string[]>("ths => ths.map(th => th.dataset.column)");
        Assert.Equal(DefaultColumns.Take(1).Append("region").Concat(DefaultColumns.Skip(1)), shown);
        await using var other = await app.NewPageAsync(output, 1280, 800);
        await other.OpenAsync(page.Page.Url);
        Assert.Equal(shown, await other.Page.Locator("[data-testid=gap-table] thead th").EvaluateAllAsync<string[]>("ths => ths.map(th => th.dataset.column)"));
        Assert.Equal(0, Math.Max(0, await PageOverflowAsync(page.Page)));
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }
    /// <summary>The elements that reach past the screen's right edge outside any scrolling box, for the failure message.</summary>
    private const string PastTheEdge = """
        () => [...document.querySelectorAll('body *')].filter(e => {
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.right <= innerWidth + 0.5) return false;
            for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
                if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return false;
            return true;
        }).slice(0, 8).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ends at ${Math.round(e.getBoundingClientRect().right)} px`)
        """;

    /// <summary>The boxes that scroll sideways but that a keyboard cannot reach or a screen reader cannot name.</summary>
    private const string UnreachableScrolls = """
        () => [...document.querySelectorAll('body *')].filter(e =>
            ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1
            && !(e.tabIndex >= 0 && e.getAttribute('role') === 'region' && (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'))))
          .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`)
        """;

    [BrowserFact]
    public async Task On_a_390_pixel_phone_every_nav_link_is_reachable_and_no_page_is_wider_than_the_screen()
    {
        await using var page = await app.NewPageAsync(output, 390, 844);
        var problems = new List<string>();
        string[] paths = ["/?year=2019", "/governorate/IQG02?year=2019", "/governorate/IQG15?year=2019", "/district/IQG15Q05", "/trends", "/methodology", "/data"];
        foreach (var path in paths)
        {
            await page.OpenAsync(path);
            var overflow = await PageOverflowAsync(page.Page);
            if (overflow > 0)
                problems.Add($"{path}: the page is {overflow} px wider than the screen: {string.Join("; ", await page.Page.EvaluateAsync<string[]>(PastTheEdge))}");
            foreach (var box in await page.Page.EvaluateAsync<string[]>(UnreachableScrolls))
                problems.Add($"{path}: {box} scrolls sideways but is not a named, focusable region");

            var links = page.Page.Locator("nav[aria-label=Main] a");
            Assert.Equal(4, await links.CountAsync());
            foreach (var link in await links.AllAsync())
            {
                await Expect(link).ToBeVisibleAsync();
                var b = await BoxAsync(link);
                if (b.X < 0 || b.Right > 390) problems.Add($"{path}: the nav link '{await link.InnerTextAsync()}' spans {b.X}-{b.Right} px");
            }
            if (path == "/methodology") await page.ScreenshotAsync("layout-390-methodology-flags-table", page.Page.Locator("#flags ~ [role=region]").First);
            var signIn = await BoxAsync(page.Page.Locator("[data-testid=sign-in-link]"));
            if (signIn.X < 0 || signIn.Right > 390) problems.Add($"{path}: the sign-in link spans {signIn.X}-{signIn.Right} px");
        }
        await page.OpenAsync("/?year=2019");
        await page.ScreenshotAsync("layout-390-overview");
        // By keyboard: Tab reaches each link in turn, and Enter on the last opens its page.
        foreach (var name in new[] { "Overview", "Regions and trends", "Data", "Methodology" })
            await page.TabToAsync($"nav[aria-label=Main] a:text-is('{name}')");
        await page.Page.Keyboard.PressAsync("Enter");
        await page.Page.Locator("[data-testid=methodology]").WaitForAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }
}
